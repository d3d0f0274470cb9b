# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'date_field.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QLineEdit,
    QSizePolicy, QToolButton, QVBoxLayout, QWidget)

class Ui_DateField(object):
    def setupUi(self, DateField):
        if not DateField.objectName():
            DateField.setObjectName(u"DateField")
        self.column = QVBoxLayout(DateField)
        self.column.setSpacing(2)
        self.column.setObjectName(u"column")
        self.column.setContentsMargins(0, 0, 0, 0)
        self.row = QHBoxLayout()
        self.row.setObjectName(u"row")
        self.dateText = QLineEdit(DateField)
        self.dateText.setObjectName(u"dateText")
        self.dateText.setPlaceholderText(u"dd/mm/yyyy")
        self.dateText.setMaxLength(20)

        self.row.addWidget(self.dateText)

        self.calendarButton = QToolButton(DateField)
        self.calendarButton.setObjectName(u"calendarButton")

        self.row.addWidget(self.calendarButton)


        self.column.addLayout(self.row)

        self.dateMessage = QLabel(DateField)
        self.dateMessage.setObjectName(u"dateMessage")
        self.dateMessage.setVisible(False)
        self.dateMessage.setWordWrap(True)

        self.column.addWidget(self.dateMessage)


        self.retranslateUi(DateField)

        QMetaObject.connectSlotsByName(DateField)
    # setupUi

    def retranslateUi(self, DateField):
#if QT_CONFIG(tooltip)
        self.calendarButton.setToolTip(QCoreApplication.translate("DateField", u"Choose the date from a calendar (Alt+Down)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.calendarButton.setAccessibleName(QCoreApplication.translate("DateField", u"Calendar", None))
#endif // QT_CONFIG(accessibility)
        self.calendarButton.setText(QCoreApplication.translate("DateField", u"Calendar", None))
        pass
    # retranslateUi

