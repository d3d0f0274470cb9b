# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'history_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHeaderView, QLabel,
    QSizePolicy, QTableView, QVBoxLayout, QWidget)

class Ui_HistoryPane(object):
    def setupUi(self, HistoryPane):
        if not HistoryPane.objectName():
            HistoryPane.setObjectName(u"HistoryPane")
        self.outer = QVBoxLayout(HistoryPane)
        self.outer.setSpacing(6)
        self.outer.setObjectName(u"outer")
        self.historyLabel = QLabel(HistoryPane)
        self.historyLabel.setObjectName(u"historyLabel")
        self.historyLabel.setWordWrap(True)

        self.outer.addWidget(self.historyLabel)

        self.historyView = QTableView(HistoryPane)
        self.historyView.setObjectName(u"historyView")
        self.historyView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.historyView.setAlternatingRowColors(True)
        self.historyView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.historyView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.historyView.setTabKeyNavigation(False)
        self.historyView.horizontalHeader().setStretchLastSection(True)
        self.historyView.verticalHeader().setVisible(False)

        self.outer.addWidget(self.historyView)

        self.message = QLabel(HistoryPane)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.outer.addWidget(self.message)

        self.outer.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.historyLabel.setBuddy(self.historyView)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(HistoryPane)

        QMetaObject.connectSlotsByName(HistoryPane)
    # setupUi

    def retranslateUi(self, HistoryPane):
#if QT_CONFIG(accessibility)
        HistoryPane.setAccessibleName(QCoreApplication.translate("HistoryPane", u"History", None))
#endif // QT_CONFIG(accessibility)
        self.historyLabel.setText(QCoreApplication.translate("HistoryPane", u"Case &history: everything done on this case, newest first (from the tamper-evident audit log)", None))
#if QT_CONFIG(accessibility)
        self.historyView.setAccessibleName(QCoreApplication.translate("HistoryPane", u"Case history: everything done on this case, newest first", None))
#endif // QT_CONFIG(accessibility)
        self.message.setText("")
    # retranslateUi

