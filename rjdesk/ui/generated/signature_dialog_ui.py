# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'signature_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from rjdesk.ui.toolkit.signature_pad import SignaturePad

class Ui_SignatureDialog(object):
    def setupUi(self, SignatureDialog):
        if not SignatureDialog.objectName():
            SignatureDialog.setObjectName(u"SignatureDialog")
        SignatureDialog.setMinimumSize(QSize(620, 380))
        SignatureDialog.setModal(True)
        self.outer = QVBoxLayout(SignatureDialog)
        self.outer.setSpacing(8)
        self.outer.setObjectName(u"outer")
        self.heading = QLabel(SignatureDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)

        self.outer.addWidget(self.heading)

        self.instructions = QLabel(SignatureDialog)
        self.instructions.setObjectName(u"instructions")
        self.instructions.setWordWrap(True)

        self.outer.addWidget(self.instructions)

        self.pad = SignaturePad(SignatureDialog)
        self.pad.setObjectName(u"pad")
        self.pad.setMinimumSize(QSize(560, 220))

        self.outer.addWidget(self.pad)

        self.keyboardHint = QLabel(SignatureDialog)
        self.keyboardHint.setObjectName(u"keyboardHint")
        self.keyboardHint.setWordWrap(True)

        self.outer.addWidget(self.keyboardHint)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.clearButton = QPushButton(SignatureDialog)
        self.clearButton.setObjectName(u"clearButton")
        self.clearButton.setAutoDefault(False)

        self.buttons.addWidget(self.clearButton)

        self.buttonSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonSpacer)

        self.cancelButton = QPushButton(SignatureDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttons.addWidget(self.cancelButton)

        self.acceptButton = QPushButton(SignatureDialog)
        self.acceptButton.setObjectName(u"acceptButton")
        self.acceptButton.setAutoDefault(False)

        self.buttons.addWidget(self.acceptButton)


        self.outer.addLayout(self.buttons)

        QWidget.setTabOrder(self.clearButton, self.acceptButton)
        QWidget.setTabOrder(self.acceptButton, self.cancelButton)

        self.retranslateUi(SignatureDialog)

        QMetaObject.connectSlotsByName(SignatureDialog)
    # setupUi

    def retranslateUi(self, SignatureDialog):
        SignatureDialog.setWindowTitle(QCoreApplication.translate("SignatureDialog", u"Sign the agreement", None))
#if QT_CONFIG(accessibility)
        SignatureDialog.setAccessibleName(QCoreApplication.translate("SignatureDialog", u"Sign the agreement", None))
#endif // QT_CONFIG(accessibility)
        self.heading.setText("")
        self.instructions.setText(QCoreApplication.translate("SignatureDialog", u"Sign in the box with the mouse, a pen or a finger. If it goes wrong, press Clear and sign again.", None))
#if QT_CONFIG(accessibility)
        self.pad.setAccessibleName(QCoreApplication.translate("SignatureDialog", u"Signature pad", None))
#endif // QT_CONFIG(accessibility)
        self.keyboardHint.setText(QCoreApplication.translate("SignatureDialog", u"No mouse, pen or touch screen? Cancel, and record the signature with Signed on paper.", None))
        self.clearButton.setText(QCoreApplication.translate("SignatureDialog", u"&Clear", None))
#if QT_CONFIG(accessibility)
        self.clearButton.setAccessibleName(QCoreApplication.translate("SignatureDialog", u"Clear the signature", None))
#endif // QT_CONFIG(accessibility)
        self.cancelButton.setText(QCoreApplication.translate("SignatureDialog", u"Cancel", None))
#if QT_CONFIG(accessibility)
        self.cancelButton.setAccessibleName(QCoreApplication.translate("SignatureDialog", u"Cancel", None))
#endif // QT_CONFIG(accessibility)
        self.acceptButton.setText(QCoreApplication.translate("SignatureDialog", u"&Accept signature", None))
#if QT_CONFIG(accessibility)
        self.acceptButton.setAccessibleName(QCoreApplication.translate("SignatureDialog", u"Accept signature", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

