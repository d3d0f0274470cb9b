# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'workspace.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QListView,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QStackedWidget, QVBoxLayout, QWidget)

class Ui_Workspace(object):
    def setupUi(self, Workspace):
        if not Workspace.objectName():
            Workspace.setObjectName(u"Workspace")
        self.layout = QHBoxLayout(Workspace)
        self.layout.setSpacing(0)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.rail = QFrame(Workspace)
        self.rail.setObjectName(u"rail")
        self.rail.setFrameShape(QFrame.Shape.NoFrame)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.rail.sizePolicy().hasHeightForWidth())
        self.rail.setSizePolicy(sizePolicy)
        self.rail.setMinimumSize(QSize(150, 0))
        self.rail.setMaximumSize(QSize(170, 16777215))
        self.railLayout = QVBoxLayout(self.rail)
        self.railLayout.setObjectName(u"railLayout")
        self.railLayout.setContentsMargins(6, 8, 6, 8)
        self.navigation = QListWidget(self.rail)
        self.navigation.setObjectName(u"navigation")
        self.navigation.setFrameShape(QFrame.Shape.NoFrame)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setIconSize(QSize(28, 28))
        self.navigation.setViewMode(QListView.ViewMode.ListMode)
        self.navigation.setSpacing(2)

        self.railLayout.addWidget(self.navigation)

        self.newReferralButton = QPushButton(self.rail)
        self.newReferralButton.setObjectName(u"newReferralButton")

        self.railLayout.addWidget(self.newReferralButton)

        self.lockButton = QPushButton(self.rail)
        self.lockButton.setObjectName(u"lockButton")

        self.railLayout.addWidget(self.lockButton)


        self.layout.addWidget(self.rail)

        self.pages = QStackedWidget(Workspace)
        self.pages.setObjectName(u"pages")

        self.layout.addWidget(self.pages)


        self.retranslateUi(Workspace)

        QMetaObject.connectSlotsByName(Workspace)
    # setupUi

    def retranslateUi(self, Workspace):
#if QT_CONFIG(accessibility)
        self.navigation.setAccessibleName(QCoreApplication.translate("Workspace", u"Navigation", None))
#endif // QT_CONFIG(accessibility)
        self.newReferralButton.setText(QCoreApplication.translate("Workspace", u"New referral", None))
#if QT_CONFIG(tooltip)
        self.newReferralButton.setToolTip(QCoreApplication.translate("Workspace", u"Take a new referral (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.newReferralButton.setAccessibleName(QCoreApplication.translate("Workspace", u"New referral", None))
#endif // QT_CONFIG(accessibility)
        self.lockButton.setText(QCoreApplication.translate("Workspace", u"Lock", None))
#if QT_CONFIG(tooltip)
        self.lockButton.setToolTip(QCoreApplication.translate("Workspace", u"Lock rjdesk now (Ctrl+L)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.lockButton.setAccessibleName(QCoreApplication.translate("Workspace", u"Lock", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.pages.setAccessibleName(QCoreApplication.translate("Workspace", u"Page", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

