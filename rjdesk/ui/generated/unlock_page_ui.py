# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unlock_page.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_UnlockPage(object):
    def setupUi(self, UnlockPage):
        if not UnlockPage.objectName():
            UnlockPage.setObjectName(u"UnlockPage")
        self.outer = QGridLayout(UnlockPage)
        self.outer.setObjectName(u"outer")
        self.topSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.topSpacer, 0, 1, 1, 1)

        self.leftSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer.addItem(self.leftSpacer, 1, 0, 1, 1)

        self.card = QFrame(UnlockPage)
        self.card.setObjectName(u"card")
        self.card.setMinimumSize(QSize(380, 0))
        self.card.setMaximumSize(QSize(460, 16777215))
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

        self.passphraseLabel = QLabel(self.card)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.cardLayout.addWidget(self.passphraseLabel)

        self.passphrase = QLineEdit(self.card)
        self.passphrase.setObjectName(u"passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)

        self.cardLayout.addWidget(self.passphrase)

        self.message = QLabel(self.card)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.cardLayout.addWidget(self.message)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.forgotButton = QPushButton(self.card)
        self.forgotButton.setObjectName(u"forgotButton")
        self.forgotButton.setFlat(True)

        self.buttons.addWidget(self.forgotButton)

        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonSpacer)

        self.unlockButton = QPushButton(self.card)
        self.unlockButton.setObjectName(u"unlockButton")

        self.buttons.addWidget(self.unlockButton)


        self.cardLayout.addLayout(self.buttons)


        self.outer.addWidget(self.card, 1, 1, 1, 1)

        self.rightSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outer.addItem(self.rightSpacer, 1, 2, 1, 1)

        self.bottomSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.bottomSpacer, 2, 1, 1, 1)

#if QT_CONFIG(shortcut)
        self.passphraseLabel.setBuddy(self.passphrase)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.passphrase, self.unlockButton)
        QWidget.setTabOrder(self.unlockButton, self.forgotButton)

        self.retranslateUi(UnlockPage)

        self.unlockButton.setDefault(True)


        QMetaObject.connectSlotsByName(UnlockPage)
    # setupUi

    def retranslateUi(self, UnlockPage):
#if QT_CONFIG(accessibility)
        UnlockPage.setAccessibleName(QCoreApplication.translate("UnlockPage", u"Unlock", None))
#endif // QT_CONFIG(accessibility)
        self.title.setText(QCoreApplication.translate("UnlockPage", u"rjdesk is locked", None))
#if QT_CONFIG(accessibility)
        self.title.setAccessibleName(QCoreApplication.translate("UnlockPage", u"rjdesk is locked", None))
#endif // QT_CONFIG(accessibility)
        self.explanation.setText(QCoreApplication.translate("UnlockPage", u"Enter your passphrase to open your case file. Cases stay encrypted on this laptop while it is locked.", None))
        self.passphraseLabel.setText(QCoreApplication.translate("UnlockPage", u"&Passphrase", None))
#if QT_CONFIG(accessibility)
        self.passphrase.setAccessibleName(QCoreApplication.translate("UnlockPage", u"Passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.passphrase.setPlaceholderText(QCoreApplication.translate("UnlockPage", u"Your passphrase", None))
        self.message.setText("")
        self.forgotButton.setText(QCoreApplication.translate("UnlockPage", u"&Forgot passphrase?", None))
#if QT_CONFIG(accessibility)
        self.forgotButton.setAccessibleName(QCoreApplication.translate("UnlockPage", u"Forgot passphrase?", None))
#endif // QT_CONFIG(accessibility)
        self.unlockButton.setText(QCoreApplication.translate("UnlockPage", u"&Unlock", None))
#if QT_CONFIG(accessibility)
        self.unlockButton.setAccessibleName(QCoreApplication.translate("UnlockPage", u"Unlock", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

