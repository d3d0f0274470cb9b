# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'close_case_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

from rjdesk.ui.toolkit.date_field import DateField

class Ui_CloseCaseDialog(object):
    def setupUi(self, CloseCaseDialog):
        if not CloseCaseDialog.objectName():
            CloseCaseDialog.setObjectName(u"CloseCaseDialog")
        CloseCaseDialog.setModal(True)
        CloseCaseDialog.setMinimumSize(QSize(420, 0))
        self.layout = QVBoxLayout(CloseCaseDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.reasonLabel = QLabel(CloseCaseDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QComboBox(CloseCaseDialog)
        self.reason.setObjectName(u"reason")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reason)

        self.closedLabel = QLabel(CloseCaseDialog)
        self.closedLabel.setObjectName(u"closedLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.closedLabel)

        self.closedOn = DateField(CloseCaseDialog)
        self.closedOn.setObjectName(u"closedOn")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.closedOn)

        self.noteLabel = QLabel(CloseCaseDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.note = QPlainTextEdit(CloseCaseDialog)
        self.note.setObjectName(u"note")
        self.note.setTabChangesFocus(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.note)


        self.layout.addLayout(self.form)

        self.pendingWarning = QLabel(CloseCaseDialog)
        self.pendingWarning.setObjectName(u"pendingWarning")
        self.pendingWarning.setWordWrap(True)

        self.layout.addWidget(self.pendingWarning)

        self.buttons = QDialogButtonBox(CloseCaseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reason)
        self.closedLabel.setBuddy(self.closedOn)
        self.noteLabel.setBuddy(self.note)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CloseCaseDialog)

        QMetaObject.connectSlotsByName(CloseCaseDialog)
    # setupUi

    def retranslateUi(self, CloseCaseDialog):
        CloseCaseDialog.setWindowTitle(QCoreApplication.translate("CloseCaseDialog", u"Close the case", None))
        self.reasonLabel.setText(QCoreApplication.translate("CloseCaseDialog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reason.setAccessibleName(QCoreApplication.translate("CloseCaseDialog", u"Reason for closing", None))
#endif // QT_CONFIG(accessibility)
        self.closedLabel.setText(QCoreApplication.translate("CloseCaseDialog", u"&Closed on", None))
#if QT_CONFIG(accessibility)
        self.closedOn.setAccessibleName(QCoreApplication.translate("CloseCaseDialog", u"Closed on", None))
#endif // QT_CONFIG(accessibility)
        self.noteLabel.setText(QCoreApplication.translate("CloseCaseDialog", u"&Note", None))
#if QT_CONFIG(accessibility)
        self.note.setAccessibleName(QCoreApplication.translate("CloseCaseDialog", u"Closing note", None))
#endif // QT_CONFIG(accessibility)
        self.pendingWarning.setText("")
    # retranslateUi

