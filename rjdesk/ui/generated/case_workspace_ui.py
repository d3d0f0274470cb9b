# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_workspace.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QToolButton, QVBoxLayout, QWidget)

class Ui_CaseWorkspace(object):
    def setupUi(self, CaseWorkspace):
        if not CaseWorkspace.objectName():
            CaseWorkspace.setObjectName(u"CaseWorkspace")
        self.layout = QVBoxLayout(CaseWorkspace)
        self.layout.setSpacing(6)
        self.layout.setObjectName(u"layout")
        self.header = QFrame(CaseWorkspace)
        self.header.setObjectName(u"header")
        self.header.setFrameShape(QFrame.Shape.NoFrame)
        self.headerLayout = QGridLayout(self.header)
        self.headerLayout.setObjectName(u"headerLayout")
        self.headerLayout.setHorizontalSpacing(12)
        self.headerLayout.setVerticalSpacing(4)
        self.backButton = QToolButton(self.header)
        self.backButton.setObjectName(u"backButton")
        self.backButton.setAutoRaise(True)
        self.backButton.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        self.headerLayout.addWidget(self.backButton, 0, 0, 1, 1)

        self.reference = QLabel(self.header)
        self.reference.setObjectName(u"reference")
        self.reference.setText(u"")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerLayout.addWidget(self.reference, 0, 1, 1, 1)

        self.caseType = QLabel(self.header)
        self.caseType.setObjectName(u"caseType")
        self.caseType.setText(u"")

        self.headerLayout.addWidget(self.caseType, 0, 2, 1, 1)

        self.stage = QLabel(self.header)
        self.stage.setObjectName(u"stage")
        self.stage.setText(u"")

        self.headerLayout.addWidget(self.stage, 0, 3, 1, 1)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer, 0, 4, 1, 1)

        self.headerButtons = QHBoxLayout()
        self.headerButtons.setObjectName(u"headerButtons")
        self.summaryButton = QPushButton(self.header)
        self.summaryButton.setObjectName(u"summaryButton")

        self.headerButtons.addWidget(self.summaryButton)

        self.nextButton = QPushButton(self.header)
        self.nextButton.setObjectName(u"nextButton")
        self.nextButton.setText(u"")

        self.headerButtons.addWidget(self.nextButton)


        self.headerLayout.addLayout(self.headerButtons, 1, 5, 1, 1)

        self.facts = QHBoxLayout()
        self.facts.setSpacing(18)
        self.facts.setObjectName(u"facts")
        self.risk = QLabel(self.header)
        self.risk.setObjectName(u"risk")
        self.risk.setText(u"")

        self.facts.addWidget(self.risk)

        self.victimsCode = QLabel(self.header)
        self.victimsCode.setObjectName(u"victimsCode")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.victimsCode.sizePolicy().hasHeightForWidth())
        self.victimsCode.setSizePolicy(sizePolicy)
        self.victimsCode.setWordWrap(True)
        self.victimsCode.setText(u"")

        self.facts.addWidget(self.victimsCode)

        self.flags = QLabel(self.header)
        self.flags.setObjectName(u"flags")
        self.flags.setText(u"")
        self.flags.setWordWrap(True)

        self.facts.addWidget(self.flags)

        self.factsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.facts.addItem(self.factsSpacer)


        self.headerLayout.addLayout(self.facts, 1, 1, 1, 4)


        self.layout.addWidget(self.header)

        self.tabs = QTabWidget(CaseWorkspace)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)

        self.layout.addWidget(self.tabs)


        self.retranslateUi(CaseWorkspace)

        QMetaObject.connectSlotsByName(CaseWorkspace)
    # setupUi

    def retranslateUi(self, CaseWorkspace):
#if QT_CONFIG(accessibility)
        CaseWorkspace.setAccessibleName(QCoreApplication.translate("CaseWorkspace", u"Case", None))
#endif // QT_CONFIG(accessibility)
        self.backButton.setText(QCoreApplication.translate("CaseWorkspace", u"Cases", None))
#if QT_CONFIG(tooltip)
        self.backButton.setToolTip(QCoreApplication.translate("CaseWorkspace", u"Back to the case list (Alt+Left)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.backButton.setAccessibleName(QCoreApplication.translate("CaseWorkspace", u"Back to Cases", None))
#endif // QT_CONFIG(accessibility)
        self.summaryButton.setText(QCoreApplication.translate("CaseWorkspace", u"Case s&ummary\u2026", None))
#if QT_CONFIG(tooltip)
        self.summaryButton.setToolTip(QCoreApplication.translate("CaseWorkspace", u"The case summary as a PDF, for handover or supervision", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.summaryButton.setAccessibleName(QCoreApplication.translate("CaseWorkspace", u"Case summary PDF", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.tabs.setAccessibleName(QCoreApplication.translate("CaseWorkspace", u"Parts of the case", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

