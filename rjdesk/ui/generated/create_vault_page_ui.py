# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'create_vault_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFormLayout, QFrame, QGridLayout,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_CreateVaultPage(object):
    def setupUi(self, CreateVaultPage):
        if not CreateVaultPage.objectName():
            CreateVaultPage.setObjectName(u"CreateVaultPage")
        self.outer = QGridLayout(CreateVaultPage)
        self.outer.setObjectName(u"outer")
        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.topSpacer, 0, 1, 1, 1)

        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer.addItem(self.leftSpacer, 1, 0, 1, 1)

        self.card = QFrame(CreateVaultPage)
        self.card.setObjectName(u"card")
        self.card.setMinimumSize(QSize(420, 0))
        self.card.setMaximumSize(QSize(520, 16777215))
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.cardLayout = QVBoxLayout(self.card)
        self.cardLayout.setSpacing(10)
        self.cardLayout.setObjectName(u"cardLayout")
        self.cardLayout.setContentsMargins(28, 24, 28, 24)
        self.title = QLabel(self.card)
        self.title.setObjectName(u"title")

        self.cardLayout.addWidget(self.title)

        self.explanation = QLabel(self.card)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.cardLayout.addWidget(self.explanation)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.nameLabel = QLabel(self.card)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(self.card)
        self.name.setObjectName(u"name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.passphraseLabel = QLabel(self.card)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphrase = QLineEdit(self.card)
        self.passphrase.setObjectName(u"passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passphrase)

        self.strength = QLabel(self.card)
        self.strength.setObjectName(u"strength")
        self.strength.setWordWrap(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.strength)

        self.confirmLabel = QLabel(self.card)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirm = QLineEdit(self.card)
        self.confirm.setObjectName(u"confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.confirm)


        self.cardLayout.addLayout(self.form)

        self.message = QLabel(self.card)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.cardLayout.addWidget(self.message)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonSpacer)

        self.createButton = QPushButton(self.card)
        self.createButton.setObjectName(u"createButton")

        self.buttons.addWidget(self.createButton)


        self.cardLayout.addLayout(self.buttons)


        self.outer.addWidget(self.card, 1, 1, 1, 1)

        self.rightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer.addItem(self.rightSpacer, 1, 2, 1, 1)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer, 2, 1, 1, 1)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.passphraseLabel.setBuddy(self.passphrase)
        self.confirmLabel.setBuddy(self.confirm)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.passphrase)
        QWidget.setTabOrder(self.passphrase, self.confirm)
        QWidget.setTabOrder(self.confirm, self.createButton)

        self.retranslateUi(CreateVaultPage)

        self.createButton.setDefault(True)


        QMetaObject.connectSlotsByName(CreateVaultPage)
    # setupUi

    def retranslateUi(self, CreateVaultPage):
#if QT_CONFIG(accessibility)
        CreateVaultPage.setAccessibleName(QCoreApplication.translate("CreateVaultPage", u"Create your case file", None))
#endif // QT_CONFIG(accessibility)
        self.title.setText(QCoreApplication.translate("CreateVaultPage", u"Welcome to rjdesk", None))
        self.explanation.setText(QCoreApplication.translate("CreateVaultPage", u"rjdesk keeps your cases in an encrypted case file on this laptop. Choose a passphrase: a few unrelated words are easy to remember and hard to guess. You will type it every time rjdesk locks.", None))
        self.nameLabel.setText(QCoreApplication.translate("CreateVaultPage", u"Your &name", None))
#if QT_CONFIG(accessibility)
        self.name.setAccessibleName(QCoreApplication.translate("CreateVaultPage", u"Your name", None))
#endif // QT_CONFIG(accessibility)
        self.name.setPlaceholderText(QCoreApplication.translate("CreateVaultPage", u"As it appears on contact notes and agreements", None))
        self.passphraseLabel.setText(QCoreApplication.translate("CreateVaultPage", u"&Passphrase", None))
#if QT_CONFIG(accessibility)
        self.passphrase.setAccessibleName(QCoreApplication.translate("CreateVaultPage", u"Passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.strength.setText("")
        self.confirmLabel.setText(QCoreApplication.translate("CreateVaultPage", u"&Again", None))
#if QT_CONFIG(accessibility)
        self.confirm.setAccessibleName(QCoreApplication.translate("CreateVaultPage", u"Passphrase again", None))
#endif // QT_CONFIG(accessibility)
        self.message.setText("")
        self.createButton.setText(QCoreApplication.translate("CreateVaultPage", u"&Create case file", None))
#if QT_CONFIG(accessibility)
        self.createButton.setAccessibleName(QCoreApplication.translate("CreateVaultPage", u"Create case file", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

