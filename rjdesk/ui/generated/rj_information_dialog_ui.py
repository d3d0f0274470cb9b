# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'rj_information_dialog.ui'
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
    QFormLayout, QLabel, QSizePolicy, QVBoxLayout,
    QWidget)

from rjdesk.ui.toolkit.date_field import DateField

class Ui_RjInformationDialog(object):
    def setupUi(self, RjInformationDialog):
        if not RjInformationDialog.objectName():
            RjInformationDialog.setObjectName(u"RjInformationDialog")
        RjInformationDialog.setModal(True)
        RjInformationDialog.setMinimumSize(QSize(420, 0))
        self.layout = QVBoxLayout(RjInformationDialog)
        self.layout.setObjectName(u"layout")
        self.explanation = QLabel(RjInformationDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setText(u"")
        self.explanation.setWordWrap(True)

        self.layout.addWidget(self.explanation)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.givenOnLabel = QLabel(RjInformationDialog)
        self.givenOnLabel.setObjectName(u"givenOnLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.givenOnLabel)

        self.givenOn = DateField(RjInformationDialog)
        self.givenOn.setObjectName(u"givenOn")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.givenOn)


        self.layout.addLayout(self.form)

        self.message = QLabel(RjInformationDialog)
        self.message.setObjectName(u"message")
        self.message.setText(u"")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(RjInformationDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.givenOnLabel.setBuddy(self.givenOn)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.givenOn, self.buttons)

        self.retranslateUi(RjInformationDialog)

        QMetaObject.connectSlotsByName(RjInformationDialog)
    # setupUi

    def retranslateUi(self, RjInformationDialog):
        RjInformationDialog.setWindowTitle(QCoreApplication.translate("RjInformationDialog", u"Record RJ information given", None))
        self.givenOnLabel.setText(QCoreApplication.translate("RjInformationDialog", u"RJ information &given on", None))
#if QT_CONFIG(accessibility)
        self.givenOn.setAccessibleName(QCoreApplication.translate("RjInformationDialog", u"RJ information given on", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

