# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reset_passphrase_dialog.ui'
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

class Ui_ResetPassphraseDialog(object):
    def setupUi(self, ResetPassphraseDialog):
        if not ResetPassphraseDialog.objectName():
            ResetPassphraseDialog.setObjectName(u"ResetPassphraseDialog")
        ResetPassphraseDialog.setModal(True)
        ResetPassphraseDialog.setMinimumSize(QSize(460, 0))
        self.layout = QVBoxLayout(ResetPassphraseDialog)
        self.layout.setObjectName(u"layout")
        self.explanation = QLabel(ResetPassphraseDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.layout.addWidget(self.explanation)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.recoveryKeyLabel = QLabel(ResetPassphraseDialog)
        self.recoveryKeyLabel.setObjectName(u"recoveryKeyLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.recoveryKeyLabel)

        self.recoveryKey = QLineEdit(ResetPassphraseDialog)
        self.recoveryKey.setObjectName(u"recoveryKey")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.recoveryKey)

        self.newLabel = QLabel(ResetPassphraseDialog)
        self.newLabel.setObjectName(u"newLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newLabel)

        self.newPassphrase = QLineEdit(ResetPassphraseDialog)
        self.newPassphrase.setObjectName(u"newPassphrase")
        self.newPassphrase.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newPassphrase)

        self.strength = QLabel(ResetPassphraseDialog)
        self.strength.setObjectName(u"strength")
        self.strength.setWordWrap(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.strength)

        self.confirmLabel = QLabel(ResetPassphraseDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirm = QLineEdit(ResetPassphraseDialog)
        self.confirm.setObjectName(u"confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.confirm)


        self.layout.addLayout(self.form)

        self.message = QLabel(ResetPassphraseDialog)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(ResetPassphraseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.recoveryKeyLabel.setBuddy(self.recoveryKey)
        self.newLabel.setBuddy(self.newPassphrase)
        self.confirmLabel.setBuddy(self.confirm)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.recoveryKey, self.newPassphrase)
        QWidget.setTabOrder(self.newPassphrase, self.confirm)

        self.retranslateUi(ResetPassphraseDialog)

        QMetaObject.connectSlotsByName(ResetPassphraseDialog)
    # setupUi

    def retranslateUi(self, ResetPassphraseDialog):
        ResetPassphraseDialog.setWindowTitle(QCoreApplication.translate("ResetPassphraseDialog", u"Forgot your passphrase?", None))
        self.explanation.setText(QCoreApplication.translate("ResetPassphraseDialog", u"Ask your hub coordinator for the recovery key kept in the hub's safe, type it below and choose a new passphrase. The old passphrase will stop working.", None))
        self.recoveryKeyLabel.setText(QCoreApplication.translate("ResetPassphraseDialog", u"&Recovery key", None))
#if QT_CONFIG(accessibility)
        self.recoveryKey.setAccessibleName(QCoreApplication.translate("ResetPassphraseDialog", u"Recovery key", None))
#endif // QT_CONFIG(accessibility)
        self.recoveryKey.setPlaceholderText(QCoreApplication.translate("ResetPassphraseDialog", u"XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX", None))
        self.newLabel.setText(QCoreApplication.translate("ResetPassphraseDialog", u"&New passphrase", None))
#if QT_CONFIG(accessibility)
        self.newPassphrase.setAccessibleName(QCoreApplication.translate("ResetPassphraseDialog", u"New passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.strength.setText("")
        self.confirmLabel.setText(QCoreApplication.translate("ResetPassphraseDialog", u"&Again", None))
#if QT_CONFIG(accessibility)
        self.confirm.setAccessibleName(QCoreApplication.translate("ResetPassphraseDialog", u"New passphrase again", None))
#endif // QT_CONFIG(accessibility)
        self.message.setText("")
    # retranslateUi

