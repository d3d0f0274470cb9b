# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'change_passphrase_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_ChangePassphraseDialog(object):
    def setupUi(self, ChangePassphraseDialog):
        if not ChangePassphraseDialog.objectName():
            ChangePassphraseDialog.setObjectName(u"ChangePassphraseDialog")
        ChangePassphraseDialog.setModal(True)
        ChangePassphraseDialog.setMinimumSize(QSize(420, 0))
        self.layout = QVBoxLayout(ChangePassphraseDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.currentLabel = QLabel(ChangePassphraseDialog)
        self.currentLabel.setObjectName(u"currentLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currentLabel)

        self.current = QLineEdit(ChangePassphraseDialog)
        self.current.setObjectName(u"current")
        self.current.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.current)

        self.newLabel = QLabel(ChangePassphraseDialog)
        self.newLabel.setObjectName(u"newLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newLabel)

        self.newPassphrase = QLineEdit(ChangePassphraseDialog)
        self.newPassphrase.setObjectName(u"newPassphrase")
        self.newPassphrase.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newPassphrase)

        self.strength = QLabel(ChangePassphraseDialog)
        self.strength.setObjectName(u"strength")
        self.strength.setText(u"")
        self.strength.setWordWrap(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.strength)

        self.confirmLabel = QLabel(ChangePassphraseDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirm = QLineEdit(ChangePassphraseDialog)
        self.confirm.setObjectName(u"confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.confirm)


        self.layout.addLayout(self.form)

        self.message = QLabel(ChangePassphraseDialog)
        self.message.setObjectName(u"message")
        self.message.setText(u"")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(ChangePassphraseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.currentLabel.setBuddy(self.current)
        self.newLabel.setBuddy(self.newPassphrase)
        self.confirmLabel.setBuddy(self.confirm)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.current, self.newPassphrase)
        QWidget.setTabOrder(self.newPassphrase, self.confirm)

        self.retranslateUi(ChangePassphraseDialog)

        QMetaObject.connectSlotsByName(ChangePassphraseDialog)
    # setupUi

    def retranslateUi(self, ChangePassphraseDialog):
        ChangePassphraseDialog.setWindowTitle(QCoreApplication.translate("ChangePassphraseDialog", u"Change your passphrase", None))
        self.currentLabel.setText(QCoreApplication.translate("ChangePassphraseDialog", u"&Current passphrase", None))
#if QT_CONFIG(accessibility)
        self.current.setAccessibleName(QCoreApplication.translate("ChangePassphraseDialog", u"Current passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.newLabel.setText(QCoreApplication.translate("ChangePassphraseDialog", u"&New passphrase", None))
#if QT_CONFIG(accessibility)
        self.newPassphrase.setAccessibleName(QCoreApplication.translate("ChangePassphraseDialog", u"New passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.confirmLabel.setText(QCoreApplication.translate("ChangePassphraseDialog", u"&Again", None))
#if QT_CONFIG(accessibility)
        self.confirm.setAccessibleName(QCoreApplication.translate("ChangePassphraseDialog", u"New passphrase again", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

