# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'mywork_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QAbstractScrollArea, QApplication, QComboBox,
    QHBoxLayout, QHeaderView, QLabel, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

from rjdesk.ui.toolkit.bar_chart import BarChart

class Ui_MyWorkPage(object):
    def setupUi(self, MyWorkPage):
        if not MyWorkPage.objectName():
            MyWorkPage.setObjectName(u"MyWorkPage")
        self.layout = QVBoxLayout(MyWorkPage)
        self.layout.setSpacing(8)
        self.layout.setObjectName(u"layout")
        self.titleRow = QHBoxLayout()
        self.titleRow.setObjectName(u"titleRow")
        self.title = QLabel(MyWorkPage)
        self.title.setObjectName(u"title")

        self.titleRow.addWidget(self.title)

        self.titleSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.titleRow.addItem(self.titleSpacer)

        self.quarterLabel = QLabel(MyWorkPage)
        self.quarterLabel.setObjectName(u"quarterLabel")

        self.titleRow.addWidget(self.quarterLabel)

        self.quarter = QComboBox(MyWorkPage)
        self.quarter.setObjectName(u"quarter")
        self.quarter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.titleRow.addWidget(self.quarter)


        self.layout.addLayout(self.titleRow)

        self.note = QLabel(MyWorkPage)
        self.note.setObjectName(u"note")
        self.note.setText(u"")
        self.note.setWordWrap(True)

        self.layout.addWidget(self.note)

        self.openLabel = QLabel(MyWorkPage)
        self.openLabel.setObjectName(u"openLabel")
        self.openLabel.setWordWrap(True)

        self.layout.addWidget(self.openLabel)

        self.openRow = QHBoxLayout()
        self.openRow.setObjectName(u"openRow")
        self.openChart = BarChart(MyWorkPage)
        self.openChart.setObjectName(u"openChart")

        self.openRow.addWidget(self.openChart)

        self.openTable = QTableView(MyWorkPage)
        self.openTable.setObjectName(u"openTable")
        self.openTable.setMaximumSize(QSize(300, 16777215))
        self.openTable.setMinimumSize(QSize(220, 0))
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.openTable.sizePolicy().hasHeightForWidth())
        self.openTable.setSizePolicy(sizePolicy)
        self.openTable.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.openTable.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.openTable.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.openTable.setTabKeyNavigation(False)
        self.openTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.openTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.openTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.openTable.horizontalHeader().setStretchLastSection(True)
        self.openTable.verticalHeader().setVisible(False)

        self.openRow.addWidget(self.openTable)


        self.layout.addLayout(self.openRow)

        self.victimsLabel = QLabel(MyWorkPage)
        self.victimsLabel.setObjectName(u"victimsLabel")
        self.victimsLabel.setWordWrap(True)

        self.layout.addWidget(self.victimsLabel)

        self.victimsRow = QHBoxLayout()
        self.victimsRow.setObjectName(u"victimsRow")
        self.victimsChart = BarChart(MyWorkPage)
        self.victimsChart.setObjectName(u"victimsChart")

        self.victimsRow.addWidget(self.victimsChart)

        self.victimsTable = QTableView(MyWorkPage)
        self.victimsTable.setObjectName(u"victimsTable")
        self.victimsTable.setMaximumSize(QSize(300, 16777215))
        self.victimsTable.setMinimumSize(QSize(220, 0))
        sizePolicy.setHeightForWidth(self.victimsTable.sizePolicy().hasHeightForWidth())
        self.victimsTable.setSizePolicy(sizePolicy)
        self.victimsTable.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.victimsTable.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.victimsTable.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.victimsTable.setTabKeyNavigation(False)
        self.victimsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.victimsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.victimsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.victimsTable.horizontalHeader().setStretchLastSection(True)
        self.victimsTable.verticalHeader().setVisible(False)

        self.victimsRow.addWidget(self.victimsTable)


        self.layout.addLayout(self.victimsRow)

        self.actionsLabel = QLabel(MyWorkPage)
        self.actionsLabel.setObjectName(u"actionsLabel")
        self.actionsLabel.setWordWrap(True)

        self.layout.addWidget(self.actionsLabel)

        self.actionsRow = QHBoxLayout()
        self.actionsRow.setObjectName(u"actionsRow")
        self.actionsChart = BarChart(MyWorkPage)
        self.actionsChart.setObjectName(u"actionsChart")

        self.actionsRow.addWidget(self.actionsChart)

        self.actionsTable = QTableView(MyWorkPage)
        self.actionsTable.setObjectName(u"actionsTable")
        self.actionsTable.setMaximumSize(QSize(300, 16777215))
        self.actionsTable.setMinimumSize(QSize(220, 0))
        sizePolicy.setHeightForWidth(self.actionsTable.sizePolicy().hasHeightForWidth())
        self.actionsTable.setSizePolicy(sizePolicy)
        self.actionsTable.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.actionsTable.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.actionsTable.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.actionsTable.setTabKeyNavigation(False)
        self.actionsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actionsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actionsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actionsTable.horizontalHeader().setStretchLastSection(True)
        self.actionsTable.verticalHeader().setVisible(False)

        self.actionsRow.addWidget(self.actionsTable)


        self.layout.addLayout(self.actionsRow)

        self.closedLabel = QLabel(MyWorkPage)
        self.closedLabel.setObjectName(u"closedLabel")
        self.closedLabel.setWordWrap(True)

        self.layout.addWidget(self.closedLabel)

        self.closedRow = QHBoxLayout()
        self.closedRow.setObjectName(u"closedRow")
        self.closedChart = BarChart(MyWorkPage)
        self.closedChart.setObjectName(u"closedChart")

        self.closedRow.addWidget(self.closedChart)

        self.closedTable = QTableView(MyWorkPage)
        self.closedTable.setObjectName(u"closedTable")
        self.closedTable.setMaximumSize(QSize(300, 16777215))
        self.closedTable.setMinimumSize(QSize(220, 0))
        sizePolicy.setHeightForWidth(self.closedTable.sizePolicy().hasHeightForWidth())
        self.closedTable.setSizePolicy(sizePolicy)
        self.closedTable.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.closedTable.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.closedTable.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.closedTable.setTabKeyNavigation(False)
        self.closedTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.closedTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.closedTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.closedTable.horizontalHeader().setStretchLastSection(True)
        self.closedTable.verticalHeader().setVisible(False)

        self.closedRow.addWidget(self.closedTable)


        self.layout.addLayout(self.closedRow)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.quarterLabel.setBuddy(self.quarter)
        self.openLabel.setBuddy(self.openTable)
        self.victimsLabel.setBuddy(self.victimsTable)
        self.actionsLabel.setBuddy(self.actionsTable)
        self.closedLabel.setBuddy(self.closedTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.quarter, self.openTable)
        QWidget.setTabOrder(self.openTable, self.victimsTable)
        QWidget.setTabOrder(self.victimsTable, self.actionsTable)
        QWidget.setTabOrder(self.actionsTable, self.closedTable)

        self.retranslateUi(MyWorkPage)

        QMetaObject.connectSlotsByName(MyWorkPage)
    # setupUi

    def retranslateUi(self, MyWorkPage):
#if QT_CONFIG(accessibility)
        MyWorkPage.setAccessibleName(QCoreApplication.translate("MyWorkPage", u"My work", None))
#endif // QT_CONFIG(accessibility)
        self.title.setText(QCoreApplication.translate("MyWorkPage", u"My work", None))
        self.quarterLabel.setText(QCoreApplication.translate("MyWorkPage", u"&Quarter:", None))
#if QT_CONFIG(accessibility)
        self.quarter.setAccessibleName(QCoreApplication.translate("MyWorkPage", u"Quarter", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.quarter.setToolTip(QCoreApplication.translate("MyWorkPage", u"The financial-year quarter the figures below count (Q1 is April to June)", None))
#endif // QT_CONFIG(tooltip)
        self.openLabel.setText(QCoreApplication.translate("MyWorkPage", u"&Open cases now, by stage", None))
#if QT_CONFIG(accessibility)
        self.openChart.setAccessibleName(QCoreApplication.translate("MyWorkPage", u"Chart: Open cases now, by stage", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.openChart.setAccessibleDescription(QCoreApplication.translate("MyWorkPage", u"The table beside it has the same figures.", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.openTable.setAccessibleName(QCoreApplication.translate("MyWorkPage", u"Open cases now, by stage", None))
#endif // QT_CONFIG(accessibility)
        self.victimsLabel.setText(QCoreApplication.translate("MyWorkPage", u"&Victims' Code deadlines in the quarter (RJ information within 5 working days)", None))
#if QT_CONFIG(accessibility)
        self.victimsChart.setAccessibleName(QCoreApplication.translate("MyWorkPage", u"Chart: Victims' Code deadlines in the quarter", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.victimsChart.setAccessibleDescription(QCoreApplication.translate("MyWorkPage", u"The table beside it has the same figures.", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.victimsTable.setAccessibleName(QCoreApplication.translate("MyWorkPage", u"Victims' Code deadlines in the quarter", None))
#endif // QT_CONFIG(accessibility)
        self.actionsLabel.setText(QCoreApplication.translate("MyWorkPage", u"&Agreed actions in the quarter (checked, or due and not yet checked)", None))
#if QT_CONFIG(accessibility)
        self.actionsChart.setAccessibleName(QCoreApplication.translate("MyWorkPage", u"Chart: Agreed actions in the quarter", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.actionsChart.setAccessibleDescription(QCoreApplication.translate("MyWorkPage", u"The table beside it has the same figures.", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.actionsTable.setAccessibleName(QCoreApplication.translate("MyWorkPage", u"Agreed actions in the quarter", None))
#endif // QT_CONFIG(accessibility)
        self.closedLabel.setText(QCoreApplication.translate("MyWorkPage", u"Cases &closed in the quarter, by reason", None))
#if QT_CONFIG(accessibility)
        self.closedChart.setAccessibleName(QCoreApplication.translate("MyWorkPage", u"Chart: Cases closed in the quarter, by reason", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.closedChart.setAccessibleDescription(QCoreApplication.translate("MyWorkPage", u"The table beside it has the same figures.", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.closedTable.setAccessibleName(QCoreApplication.translate("MyWorkPage", u"Cases closed in the quarter, by reason", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

