# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'cases_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_CasesPage(object):
    def setupUi(self, CasesPage):
        if not CasesPage.objectName():
            CasesPage.setObjectName(u"CasesPage")
        self.layout = QVBoxLayout(CasesPage)
        self.layout.setSpacing(8)
        self.layout.setObjectName(u"layout")
        self.titleRow = QHBoxLayout()
        self.titleRow.setObjectName(u"titleRow")
        self.title = QLabel(CasesPage)
        self.title.setObjectName(u"title")

        self.titleRow.addWidget(self.title)

        self.titleSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.titleRow.addItem(self.titleSpacer)

        self.count = QLabel(CasesPage)
        self.count.setObjectName(u"count")
        self.count.setText(u"")

        self.titleRow.addWidget(self.count)


        self.layout.addLayout(self.titleRow)

        self.searchRow = QHBoxLayout()
        self.searchRow.setObjectName(u"searchRow")
        self.searchLabel = QLabel(CasesPage)
        self.searchLabel.setObjectName(u"searchLabel")

        self.searchRow.addWidget(self.searchLabel)

        self.search = QLineEdit(CasesPage)
        self.search.setObjectName(u"search")
        self.search.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.search)


        self.layout.addLayout(self.searchRow)

        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.stageLabel = QLabel(CasesPage)
        self.stageLabel.setObjectName(u"stageLabel")

        self.filterRow.addWidget(self.stageLabel)

        self.stage = QComboBox(CasesPage)
        self.stage.setObjectName(u"stage")

        self.filterRow.addWidget(self.stage)

        self.typeLabel = QLabel(CasesPage)
        self.typeLabel.setObjectName(u"typeLabel")

        self.filterRow.addWidget(self.typeLabel)

        self.caseType = QComboBox(CasesPage)
        self.caseType.setObjectName(u"caseType")

        self.filterRow.addWidget(self.caseType)

        self.flagLabel = QLabel(CasesPage)
        self.flagLabel.setObjectName(u"flagLabel")

        self.filterRow.addWidget(self.flagLabel)

        self.flag = QComboBox(CasesPage)
        self.flag.setObjectName(u"flag")

        self.filterRow.addWidget(self.flag)

        self.openOnly = QCheckBox(CasesPage)
        self.openOnly.setObjectName(u"openOnly")

        self.filterRow.addWidget(self.openOnly)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterRow.addItem(self.filterSpacer)


        self.layout.addLayout(self.filterRow)

        self.table = QTableView(CasesPage)
        self.table.setObjectName(u"table")
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)

        self.layout.addWidget(self.table)

        self.hint = QLabel(CasesPage)
        self.hint.setObjectName(u"hint")

        self.layout.addWidget(self.hint)

#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.search)
        self.stageLabel.setBuddy(self.stage)
        self.typeLabel.setBuddy(self.caseType)
        self.flagLabel.setBuddy(self.flag)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.search, self.stage)
        QWidget.setTabOrder(self.stage, self.caseType)
        QWidget.setTabOrder(self.caseType, self.flag)
        QWidget.setTabOrder(self.flag, self.openOnly)
        QWidget.setTabOrder(self.openOnly, self.table)

        self.retranslateUi(CasesPage)

        QMetaObject.connectSlotsByName(CasesPage)
    # setupUi

    def retranslateUi(self, CasesPage):
#if QT_CONFIG(accessibility)
        CasesPage.setAccessibleName(QCoreApplication.translate("CasesPage", u"Cases", None))
#endif // QT_CONFIG(accessibility)
        self.title.setText(QCoreApplication.translate("CasesPage", u"Cases", None))
        self.searchLabel.setText(QCoreApplication.translate("CasesPage", u"&Search", None))
#if QT_CONFIG(accessibility)
        self.search.setAccessibleName(QCoreApplication.translate("CasesPage", u"Search cases", None))
#endif // QT_CONFIG(accessibility)
        self.search.setPlaceholderText(QCoreApplication.translate("CasesPage", u"Names, references, crime numbers, words in notes\u2026 (Ctrl+F)", None))
        self.stageLabel.setText(QCoreApplication.translate("CasesPage", u"S&tage", None))
#if QT_CONFIG(accessibility)
        self.stage.setAccessibleName(QCoreApplication.translate("CasesPage", u"Filter by stage", None))
#endif // QT_CONFIG(accessibility)
        self.typeLabel.setText(QCoreApplication.translate("CasesPage", u"T&ype", None))
#if QT_CONFIG(accessibility)
        self.caseType.setAccessibleName(QCoreApplication.translate("CasesPage", u"Filter by case type", None))
#endif // QT_CONFIG(accessibility)
        self.flagLabel.setText(QCoreApplication.translate("CasesPage", u"F&lag", None))
#if QT_CONFIG(accessibility)
        self.flag.setAccessibleName(QCoreApplication.translate("CasesPage", u"Filter by flag", None))
#endif // QT_CONFIG(accessibility)
        self.openOnly.setText(QCoreApplication.translate("CasesPage", u"&Open cases only", None))
#if QT_CONFIG(accessibility)
        self.openOnly.setAccessibleName(QCoreApplication.translate("CasesPage", u"Open cases only", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("CasesPage", u"Case list", None))
#endif // QT_CONFIG(accessibility)
        self.hint.setText(QCoreApplication.translate("CasesPage", u"Enter or double-click opens a case.", None))
    # retranslateUi

