# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_page.ui'
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
from PySide6.QtWidgets import (QApplication, QLabel, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_SyncPage(object):
    def setupUi(self, SyncPage):
        if not SyncPage.objectName():
            SyncPage.setObjectName(u"SyncPage")
        self.layout = QVBoxLayout(SyncPage)
        self.layout.setObjectName(u"layout")
        self.title = QLabel(SyncPage)
        self.title.setObjectName(u"title")

        self.layout.addWidget(self.title)

        self.status = QLabel(SyncPage)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)

        self.layout.addWidget(self.status)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.bottomSpacer)


        self.retranslateUi(SyncPage)

        QMetaObject.connectSlotsByName(SyncPage)
    # setupUi

    def retranslateUi(self, SyncPage):
#if QT_CONFIG(accessibility)
        SyncPage.setAccessibleName(QCoreApplication.translate("SyncPage", u"Sync", None))
#endif // QT_CONFIG(accessibility)
        self.title.setText(QCoreApplication.translate("SyncPage", u"Sync with the hub", None))
        self.status.setText(QCoreApplication.translate("SyncPage", u"This laptop is not yet connected to a hub. Your cases are kept on this laptop only, encrypted. Sending work to the hub and receiving assigned cases will appear here once the hub is set up.", None))
#if QT_CONFIG(accessibility)
        self.status.setAccessibleName(QCoreApplication.translate("SyncPage", u"Sync status", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

