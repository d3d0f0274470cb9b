# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recovery_key_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QLabel, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_RecoveryKeyDialog(object):
    def setupUi(self, RecoveryKeyDialog):
        if not RecoveryKeyDialog.objectName():
            RecoveryKeyDialog.setObjectName(u"RecoveryKeyDialog")
        RecoveryKeyDialog.setModal(True)
        self.layout = QVBoxLayout(RecoveryKeyDialog)
        self.layout.setSpacing(12)
        self.layout.setObjectName(u"layout")
        self.title = QLabel(RecoveryKeyDialog)
        self.title.setObjectName(u"title")
        self.title.setWordWrap(True)

        self.layout.addWidget(self.title)

        self.explanation = QLabel(RecoveryKeyDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.layout.addWidget(self.explanation)

        self.key = QLabel(RecoveryKeyDialog)
        self.key.setObjectName(u"key")
        self.key.setText(u"XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.layout.addWidget(self.key)

        self.writtenDown = QCheckBox(RecoveryKeyDialog)
        self.writtenDown.setObjectName(u"writtenDown")

        self.layout.addWidget(self.writtenDown)

        self.buttons = QDialogButtonBox(RecoveryKeyDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(RecoveryKeyDialog)

        QMetaObject.connectSlotsByName(RecoveryKeyDialog)
    # setupUi

    def retranslateUi(self, RecoveryKeyDialog):
        RecoveryKeyDialog.setWindowTitle(QCoreApplication.translate("RecoveryKeyDialog", u"Your recovery key", None))
        self.title.setText(QCoreApplication.translate("RecoveryKeyDialog", u"Write down your recovery key and store it at the hub", None))
        self.explanation.setText(QCoreApplication.translate("RecoveryKeyDialog", u"If you ever forget your passphrase, this key is the only way back into your cases. It is shown this once. Write it on paper and give it to your hub coordinator to keep in the hub's safe. Do not keep it with the laptop.", None))
        self.writtenDown.setText(QCoreApplication.translate("RecoveryKeyDialog", u"I have &written the recovery key down", None))
#if QT_CONFIG(accessibility)
        self.writtenDown.setAccessibleName(QCoreApplication.translate("RecoveryKeyDialog", u"I have written the recovery key down", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

