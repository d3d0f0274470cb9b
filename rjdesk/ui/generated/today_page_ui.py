# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'today_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_TodayPage(object):
    def setupUi(self, TodayPage):
        if not TodayPage.objectName():
            TodayPage.setObjectName(u"TodayPage")
        self.layout = QVBoxLayout(TodayPage)
        self.layout.setSpacing(8)
        self.layout.setObjectName(u"layout")
        self.titleRow = QHBoxLayout()
        self.titleRow.setObjectName(u"titleRow")
        self.title = QLabel(TodayPage)
        self.title.setObjectName(u"title")

        self.titleRow.addWidget(self.title)

        self.date = QLabel(TodayPage)
        self.date.setObjectName(u"date")
        self.date.setText(u"")

        self.titleRow.addWidget(self.date)

        self.titleSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.titleRow.addItem(self.titleSpacer)


        self.layout.addLayout(self.titleRow)

        self.overdueLabel = QLabel(TodayPage)
        self.overdueLabel.setObjectName(u"overdueLabel")

        self.layout.addWidget(self.overdueLabel)

        self.overdue = QTableView(TodayPage)
        self.overdue.setObjectName(u"overdue")
        self.overdue.setTabKeyNavigation(False)
        self.overdue.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overdue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.overdue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.overdue.horizontalHeader().setStretchLastSection(True)
        self.overdue.verticalHeader().setVisible(False)

        self.layout.addWidget(self.overdue)

        self.dueLabel = QLabel(TodayPage)
        self.dueLabel.setObjectName(u"dueLabel")

        self.layout.addWidget(self.dueLabel)

        self.due = QTableView(TodayPage)
        self.due.setObjectName(u"due")
        self.due.setTabKeyNavigation(False)
        self.due.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.due.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.due.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.due.horizontalHeader().setStretchLastSection(True)
        self.due.verticalHeader().setVisible(False)

        self.layout.addWidget(self.due)

        self.victimsLabel = QLabel(TodayPage)
        self.victimsLabel.setObjectName(u"victimsLabel")

        self.layout.addWidget(self.victimsLabel)

        self.victims = QTableView(TodayPage)
        self.victims.setObjectName(u"victims")
        self.victims.setTabKeyNavigation(False)
        self.victims.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.victims.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.victims.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.victims.horizontalHeader().setStretchLastSection(True)
        self.victims.verticalHeader().setVisible(False)

        self.layout.addWidget(self.victims)

        self.recentLabel = QLabel(TodayPage)
        self.recentLabel.setObjectName(u"recentLabel")

        self.layout.addWidget(self.recentLabel)

        self.recent = QTableView(TodayPage)
        self.recent.setObjectName(u"recent")
        self.recent.setTabKeyNavigation(False)
        self.recent.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recent.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recent.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recent.horizontalHeader().setStretchLastSection(True)
        self.recent.verticalHeader().setVisible(False)

        self.layout.addWidget(self.recent)

#if QT_CONFIG(shortcut)
        self.overdueLabel.setBuddy(self.overdue)
        self.dueLabel.setBuddy(self.due)
        self.victimsLabel.setBuddy(self.victims)
        self.recentLabel.setBuddy(self.recent)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.overdue, self.due)
        QWidget.setTabOrder(self.due, self.victims)
        QWidget.setTabOrder(self.victims, self.recent)

        self.retranslateUi(TodayPage)

        QMetaObject.connectSlotsByName(TodayPage)
    # setupUi

    def retranslateUi(self, TodayPage):
#if QT_CONFIG(accessibility)
        TodayPage.setAccessibleName(QCoreApplication.translate("TodayPage", u"Today", None))
#endif // QT_CONFIG(accessibility)
        self.title.setText(QCoreApplication.translate("TodayPage", u"Today", None))
        self.overdueLabel.setText(QCoreApplication.translate("TodayPage", u"&Overdue: agreed actions and agreement reviews past their date", None))
#if QT_CONFIG(accessibility)
        self.overdue.setAccessibleName(QCoreApplication.translate("TodayPage", u"Overdue: agreed actions and agreement reviews past their date", None))
#endif // QT_CONFIG(accessibility)
        self.dueLabel.setText(QCoreApplication.translate("TodayPage", u"&Due in the next 7 days: agreed actions and agreement reviews", None))
#if QT_CONFIG(accessibility)
        self.due.setAccessibleName(QCoreApplication.translate("TodayPage", u"Due in the next 7 days: agreed actions and agreement reviews", None))
#endif // QT_CONFIG(accessibility)
        self.victimsLabel.setText(QCoreApplication.translate("TodayPage", u"&Victims' Code: RJ information due or overdue", None))
#if QT_CONFIG(accessibility)
        self.victims.setAccessibleName(QCoreApplication.translate("TodayPage", u"Victims' Code: RJ information due or overdue", None))
#endif // QT_CONFIG(accessibility)
        self.recentLabel.setText(QCoreApplication.translate("TodayPage", u"&Recently worked on", None))
#if QT_CONFIG(accessibility)
        self.recent.setAccessibleName(QCoreApplication.translate("TodayPage", u"Recently worked on", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

