# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'addendum_dialog.ui'
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
    QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_AddendumDialog(object):
    def setupUi(self, AddendumDialog):
        if not AddendumDialog.objectName():
            AddendumDialog.setObjectName(u"AddendumDialog")
        AddendumDialog.setMinimumSize(QSize(520, 420))
        self.layout = QVBoxLayout(AddendumDialog)
        self.layout.setSpacing(8)
        self.layout.setObjectName(u"layout")
        self.originalLabel = QLabel(AddendumDialog)
        self.originalLabel.setObjectName(u"originalLabel")

        self.layout.addWidget(self.originalLabel)

        self.original = QPlainTextEdit(AddendumDialog)
        self.original.setObjectName(u"original")
        self.original.setReadOnly(True)
        self.original.setTabChangesFocus(True)

        self.layout.addWidget(self.original)

        self.textLabel = QLabel(AddendumDialog)
        self.textLabel.setObjectName(u"textLabel")

        self.layout.addWidget(self.textLabel)

        self.text = QPlainTextEdit(AddendumDialog)
        self.text.setObjectName(u"text")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumSize(QSize(0, 100))

        self.layout.addWidget(self.text)

        self.message = QLabel(AddendumDialog)
        self.message.setObjectName(u"message")
        self.message.setText(u"")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(AddendumDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.originalLabel.setBuddy(self.original)
        self.textLabel.setBuddy(self.text)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.text, self.original)

        self.retranslateUi(AddendumDialog)

        QMetaObject.connectSlotsByName(AddendumDialog)
    # setupUi

    def retranslateUi(self, AddendumDialog):
        AddendumDialog.setWindowTitle(QCoreApplication.translate("AddendumDialog", u"Add an addendum", None))
#if QT_CONFIG(accessibility)
        AddendumDialog.setAccessibleName(QCoreApplication.translate("AddendumDialog", u"Add an addendum", None))
#endif // QT_CONFIG(accessibility)
        self.originalLabel.setText(QCoreApplication.translate("AddendumDialog", u"&Original note (it stays exactly as it was written)", None))
#if QT_CONFIG(accessibility)
        self.original.setAccessibleName(QCoreApplication.translate("AddendumDialog", u"Original note, read only", None))
#endif // QT_CONFIG(accessibility)
        self.textLabel.setText(QCoreApplication.translate("AddendumDialog", u"&Addendum", None))
#if QT_CONFIG(accessibility)
        self.text.setAccessibleName(QCoreApplication.translate("AddendumDialog", u"Addendum", None))
#endif // QT_CONFIG(accessibility)
        self.text.setPlaceholderText(QCoreApplication.translate("AddendumDialog", u"A correction or something learned later. It is saved with your name and the time.", None))
    # retranslateUi

