# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'safeguarding_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_SafeguardingDialog(object):
    def setupUi(self, SafeguardingDialog):
        if not SafeguardingDialog.objectName():
            SafeguardingDialog.setObjectName(u"SafeguardingDialog")
        SafeguardingDialog.setModal(True)
        SafeguardingDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(SafeguardingDialog)
        self.layout.setObjectName(u"layout")
        self.explanation = QLabel(SafeguardingDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.layout.addWidget(self.explanation)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.kindLabel = QLabel(SafeguardingDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kind = QComboBox(SafeguardingDialog)
        self.kind.setObjectName(u"kind")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind)

        self.personLabel = QLabel(SafeguardingDialog)
        self.personLabel.setObjectName(u"personLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.personLabel)

        self.person = QComboBox(SafeguardingDialog)
        self.person.setObjectName(u"person")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.person)

        self.concernLabel = QLabel(SafeguardingDialog)
        self.concernLabel.setObjectName(u"concernLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.concernLabel)

        self.concern = QPlainTextEdit(SafeguardingDialog)
        self.concern.setObjectName(u"concern")
        self.concern.setTabChangesFocus(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.concern)

        self.actionLabel = QLabel(SafeguardingDialog)
        self.actionLabel.setObjectName(u"actionLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.actionLabel)

        self.actionTaken = QPlainTextEdit(SafeguardingDialog)
        self.actionTaken.setObjectName(u"actionTaken")
        self.actionTaken.setTabChangesFocus(True)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.actionTaken)

        self.passedLabel = QLabel(SafeguardingDialog)
        self.passedLabel.setObjectName(u"passedLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passedLabel)

        self.passedTo = QLineEdit(SafeguardingDialog)
        self.passedTo.setObjectName(u"passedTo")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.passedTo)


        self.layout.addLayout(self.form)

        self.message = QLabel(SafeguardingDialog)
        self.message.setObjectName(u"message")
        self.message.setText(u"")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(SafeguardingDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kind)
        self.personLabel.setBuddy(self.person)
        self.concernLabel.setBuddy(self.concern)
        self.actionLabel.setBuddy(self.actionTaken)
        self.passedLabel.setBuddy(self.passedTo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SafeguardingDialog)

        QMetaObject.connectSlotsByName(SafeguardingDialog)
    # setupUi

    def retranslateUi(self, SafeguardingDialog):
        SafeguardingDialog.setWindowTitle(QCoreApplication.translate("SafeguardingDialog", u"Record a safeguarding concern", None))
        self.explanation.setText(QCoreApplication.translate("SafeguardingDialog", u"Record what was disclosed or seen, and what you did about it. The case is flagged.", None))
        self.kindLabel.setText(QCoreApplication.translate("SafeguardingDialog", u"&Kind", None))
#if QT_CONFIG(accessibility)
        self.kind.setAccessibleName(QCoreApplication.translate("SafeguardingDialog", u"Kind of concern", None))
#endif // QT_CONFIG(accessibility)
        self.personLabel.setText(QCoreApplication.translate("SafeguardingDialog", u"&About", None))
#if QT_CONFIG(accessibility)
        self.person.setAccessibleName(QCoreApplication.translate("SafeguardingDialog", u"Who the concern is about", None))
#endif // QT_CONFIG(accessibility)
        self.concernLabel.setText(QCoreApplication.translate("SafeguardingDialog", u"&Concern", None))
#if QT_CONFIG(accessibility)
        self.concern.setAccessibleName(QCoreApplication.translate("SafeguardingDialog", u"The concern", None))
#endif // QT_CONFIG(accessibility)
        self.actionLabel.setText(QCoreApplication.translate("SafeguardingDialog", u"&What was done", None))
#if QT_CONFIG(accessibility)
        self.actionTaken.setAccessibleName(QCoreApplication.translate("SafeguardingDialog", u"What was done", None))
#endif // QT_CONFIG(accessibility)
        self.passedLabel.setText(QCoreApplication.translate("SafeguardingDialog", u"&Passed to", None))
#if QT_CONFIG(accessibility)
        self.passedTo.setAccessibleName(QCoreApplication.translate("SafeguardingDialog", u"Passed to", None))
#endif // QT_CONFIG(accessibility)
        self.passedTo.setPlaceholderText(QCoreApplication.translate("SafeguardingDialog", u"e.g. the safeguarding lead", None))
    # retranslateUi

