# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'risk_consent_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QButtonGroup, QFormLayout,
    QFrame, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QRadioButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSplitter,
    QTableView, QVBoxLayout, QWidget)

from rjdesk.ui.toolkit.date_field import DateField

class Ui_RiskConsentPane(object):
    def setupUi(self, RiskConsentPane):
        if not RiskConsentPane.objectName():
            RiskConsentPane.setObjectName(u"RiskConsentPane")
        self.layout = QVBoxLayout(RiskConsentPane)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(RiskConsentPane)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.riskScroll = QScrollArea(self.splitter)
        self.riskScroll.setObjectName(u"riskScroll")
        self.riskScroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.riskScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.riskScroll.setWidgetResizable(True)
        self.riskScroll.setMinimumSize(QSize(360, 0))
        self.riskContents = QWidget()
        self.riskContents.setObjectName(u"riskContents")
        self.riskLayout = QVBoxLayout(self.riskContents)
        self.riskLayout.setSpacing(6)
        self.riskLayout.setObjectName(u"riskLayout")
        self.riskLayout.setContentsMargins(6, 6, 10, 6)
        self.riskHeading = QLabel(self.riskContents)
        self.riskHeading.setObjectName(u"riskHeading")

        self.riskLayout.addWidget(self.riskHeading)

        self.riskExplanation = QLabel(self.riskContents)
        self.riskExplanation.setObjectName(u"riskExplanation")
        self.riskExplanation.setWordWrap(True)

        self.riskLayout.addWidget(self.riskExplanation)

        self.assessmentsLabel = QLabel(self.riskContents)
        self.assessmentsLabel.setObjectName(u"assessmentsLabel")

        self.riskLayout.addWidget(self.assessmentsLabel)

        self.assessments = QTableView(self.riskContents)
        self.assessments.setObjectName(u"assessments")
        self.assessments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.assessments.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.assessments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.assessments.setTabKeyNavigation(False)
        self.assessments.setWordWrap(False)
        self.assessments.horizontalHeader().setStretchLastSection(True)
        self.assessments.verticalHeader().setVisible(False)

        self.riskLayout.addWidget(self.assessments)

        self.assessmentDetail = QLabel(self.riskContents)
        self.assessmentDetail.setObjectName(u"assessmentDetail")
        self.assessmentDetail.setText(u"")
        self.assessmentDetail.setWordWrap(True)
        self.assessmentDetail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.riskLayout.addWidget(self.assessmentDetail)

        self.newHeading = QLabel(self.riskContents)
        self.newHeading.setObjectName(u"newHeading")

        self.riskLayout.addWidget(self.newHeading)

        self.riskForm = QFormLayout()
        self.riskForm.setObjectName(u"riskForm")
        self.riskForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.assessedOnLabel = QLabel(self.riskContents)
        self.assessedOnLabel.setObjectName(u"assessedOnLabel")

        self.riskForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.assessedOnLabel)

        self.assessedOn = DateField(self.riskContents)
        self.assessedOn.setObjectName(u"assessedOn")

        self.riskForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.assessedOn)

        self.levelLabel = QLabel(self.riskContents)
        self.levelLabel.setObjectName(u"levelLabel")

        self.riskForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.levelLabel)

        self.levelChoice = QWidget(self.riskContents)
        self.levelChoice.setObjectName(u"levelChoice")
        self.levelLayout = QHBoxLayout(self.levelChoice)
        self.levelLayout.setSpacing(16)
        self.levelLayout.setObjectName(u"levelLayout")
        self.levelLayout.setContentsMargins(0, 0, 0, 0)
        self.lowRadio = QRadioButton(self.levelChoice)
        self.levelGroup = QButtonGroup(RiskConsentPane)
        self.levelGroup.setObjectName(u"levelGroup")
        self.levelGroup.addButton(self.lowRadio)
        self.lowRadio.setObjectName(u"lowRadio")

        self.levelLayout.addWidget(self.lowRadio)

        self.mediumRadio = QRadioButton(self.levelChoice)
        self.levelGroup.addButton(self.mediumRadio)
        self.mediumRadio.setObjectName(u"mediumRadio")

        self.levelLayout.addWidget(self.mediumRadio)

        self.highRadio = QRadioButton(self.levelChoice)
        self.levelGroup.addButton(self.highRadio)
        self.highRadio.setObjectName(u"highRadio")

        self.levelLayout.addWidget(self.highRadio)

        self.levelSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.levelLayout.addItem(self.levelSpacer)


        self.riskForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.levelChoice)

        self.factorsLabel = QLabel(self.riskContents)
        self.factorsLabel.setObjectName(u"factorsLabel")

        self.riskForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.factorsLabel)

        self.factors = QPlainTextEdit(self.riskContents)
        self.factors.setObjectName(u"factors")
        self.factors.setTabChangesFocus(True)
        self.factors.setMinimumSize(QSize(0, 60))
        self.factors.setMaximumSize(QSize(16777215, 90))

        self.riskForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.factors)

        self.riskNotesLabel = QLabel(self.riskContents)
        self.riskNotesLabel.setObjectName(u"riskNotesLabel")

        self.riskForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.riskNotesLabel)

        self.riskNotes = QPlainTextEdit(self.riskContents)
        self.riskNotes.setObjectName(u"riskNotes")
        self.riskNotes.setTabChangesFocus(True)
        self.riskNotes.setMinimumSize(QSize(0, 44))
        self.riskNotes.setMaximumSize(QSize(16777215, 64))

        self.riskForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.riskNotes)

        self.assessedByLabel = QLabel(self.riskContents)
        self.assessedByLabel.setObjectName(u"assessedByLabel")

        self.riskForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.assessedByLabel)

        self.assessedBy = QLineEdit(self.riskContents)
        self.assessedBy.setObjectName(u"assessedBy")

        self.riskForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.assessedBy)


        self.riskLayout.addLayout(self.riskForm)

        self.riskMessage = QLabel(self.riskContents)
        self.riskMessage.setObjectName(u"riskMessage")
        self.riskMessage.setText(u"")
        self.riskMessage.setWordWrap(True)

        self.riskLayout.addWidget(self.riskMessage)

        self.riskButtons = QHBoxLayout()
        self.riskButtons.setObjectName(u"riskButtons")
        self.riskButtonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.riskButtons.addItem(self.riskButtonSpacer)

        self.saveRiskButton = QPushButton(self.riskContents)
        self.saveRiskButton.setObjectName(u"saveRiskButton")

        self.riskButtons.addWidget(self.saveRiskButton)


        self.riskLayout.addLayout(self.riskButtons)

        self.riskBottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.riskLayout.addItem(self.riskBottomSpacer)

        self.riskScroll.setWidget(self.riskContents)
        self.splitter.addWidget(self.riskScroll)
        self.consentColumn = QWidget(self.splitter)
        self.consentColumn.setObjectName(u"consentColumn")
        self.consentLayout = QVBoxLayout(self.consentColumn)
        self.consentLayout.setSpacing(6)
        self.consentLayout.setObjectName(u"consentLayout")
        self.consentLayout.setContentsMargins(10, 6, 6, 6)
        self.consentHeading = QLabel(self.consentColumn)
        self.consentHeading.setObjectName(u"consentHeading")

        self.consentLayout.addWidget(self.consentHeading)

        self.consentGaps = QLabel(self.consentColumn)
        self.consentGaps.setObjectName(u"consentGaps")
        self.consentGaps.setText(u"")
        self.consentGaps.setTextFormat(Qt.TextFormat.RichText)
        self.consentGaps.setWordWrap(True)
        self.consentGaps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.consentLayout.addWidget(self.consentGaps)

        self.consentsLabel = QLabel(self.consentColumn)
        self.consentsLabel.setObjectName(u"consentsLabel")

        self.consentLayout.addWidget(self.consentsLabel)

        self.consents = QTableView(self.consentColumn)
        self.consents.setObjectName(u"consents")
        self.consents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.consents.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.consents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.consents.setTabKeyNavigation(False)
        self.consents.setWordWrap(True)
        self.consents.horizontalHeader().setStretchLastSection(True)
        self.consents.verticalHeader().setVisible(False)

        self.consentLayout.addWidget(self.consents)

        self.withdrawalNote = QLabel(self.consentColumn)
        self.withdrawalNote.setObjectName(u"withdrawalNote")
        self.withdrawalNote.setWordWrap(True)

        self.consentLayout.addWidget(self.withdrawalNote)

        self.consentButtons = QHBoxLayout()
        self.consentButtons.setObjectName(u"consentButtons")
        self.giveConsentButton = QPushButton(self.consentColumn)
        self.giveConsentButton.setObjectName(u"giveConsentButton")

        self.consentButtons.addWidget(self.giveConsentButton)

        self.withdrawConsentButton = QPushButton(self.consentColumn)
        self.withdrawConsentButton.setObjectName(u"withdrawConsentButton")

        self.consentButtons.addWidget(self.withdrawConsentButton)

        self.consentButtonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.consentButtons.addItem(self.consentButtonSpacer)


        self.consentLayout.addLayout(self.consentButtons)

        self.consentBottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.consentLayout.addItem(self.consentBottomSpacer)

        self.splitter.addWidget(self.consentColumn)

        self.layout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.assessmentsLabel.setBuddy(self.assessments)
        self.assessedOnLabel.setBuddy(self.assessedOn)
        self.levelLabel.setBuddy(self.lowRadio)
        self.factorsLabel.setBuddy(self.factors)
        self.riskNotesLabel.setBuddy(self.riskNotes)
        self.assessedByLabel.setBuddy(self.assessedBy)
        self.consentsLabel.setBuddy(self.consents)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.assessments, self.assessedOn)
        QWidget.setTabOrder(self.assessedOn, self.lowRadio)
        QWidget.setTabOrder(self.lowRadio, self.mediumRadio)
        QWidget.setTabOrder(self.mediumRadio, self.highRadio)
        QWidget.setTabOrder(self.highRadio, self.factors)
        QWidget.setTabOrder(self.factors, self.riskNotes)
        QWidget.setTabOrder(self.riskNotes, self.assessedBy)
        QWidget.setTabOrder(self.assessedBy, self.saveRiskButton)
        QWidget.setTabOrder(self.saveRiskButton, self.consents)
        QWidget.setTabOrder(self.consents, self.giveConsentButton)
        QWidget.setTabOrder(self.giveConsentButton, self.withdrawConsentButton)

        self.retranslateUi(RiskConsentPane)

        QMetaObject.connectSlotsByName(RiskConsentPane)
    # setupUi

    def retranslateUi(self, RiskConsentPane):
#if QT_CONFIG(accessibility)
        RiskConsentPane.setAccessibleName(QCoreApplication.translate("RiskConsentPane", u"Risk and consent", None))
#endif // QT_CONFIG(accessibility)
        self.riskHeading.setText(QCoreApplication.translate("RiskConsentPane", u"Risk and safety assessment", None))
        self.riskExplanation.setText(QCoreApplication.translate("RiskConsentPane", u"A conference or shuttle work needs a completed assessment: a level, the date, who assessed and the factors considered.", None))
        self.assessmentsLabel.setText(QCoreApplication.translate("RiskConsentPane", u"Earlier &assessments", None))
#if QT_CONFIG(accessibility)
        self.assessments.setAccessibleName(QCoreApplication.translate("RiskConsentPane", u"Earlier assessments", None))
#endif // QT_CONFIG(accessibility)
        self.newHeading.setText(QCoreApplication.translate("RiskConsentPane", u"Record an assessment", None))
        self.assessedOnLabel.setText(QCoreApplication.translate("RiskConsentPane", u"Assessed &on", None))
#if QT_CONFIG(accessibility)
        self.assessedOn.setAccessibleName(QCoreApplication.translate("RiskConsentPane", u"Assessed on", None))
#endif // QT_CONFIG(accessibility)
        self.levelLabel.setText(QCoreApplication.translate("RiskConsentPane", u"&Level", None))
#if QT_CONFIG(accessibility)
        self.levelChoice.setAccessibleName(QCoreApplication.translate("RiskConsentPane", u"Risk level", None))
#endif // QT_CONFIG(accessibility)
        self.lowRadio.setText(QCoreApplication.translate("RiskConsentPane", u"Lo&w", None))
#if QT_CONFIG(accessibility)
        self.lowRadio.setAccessibleName(QCoreApplication.translate("RiskConsentPane", u"Low risk", None))
#endif // QT_CONFIG(accessibility)
        self.mediumRadio.setText(QCoreApplication.translate("RiskConsentPane", u"&Medium", None))
#if QT_CONFIG(accessibility)
        self.mediumRadio.setAccessibleName(QCoreApplication.translate("RiskConsentPane", u"Medium risk", None))
#endif // QT_CONFIG(accessibility)
        self.highRadio.setText(QCoreApplication.translate("RiskConsentPane", u"&High", None))
#if QT_CONFIG(accessibility)
        self.highRadio.setAccessibleName(QCoreApplication.translate("RiskConsentPane", u"High risk", None))
#endif // QT_CONFIG(accessibility)
        self.factorsLabel.setText(QCoreApplication.translate("RiskConsentPane", u"&Factors\n"
"considered", None))
#if QT_CONFIG(accessibility)
        self.factors.setAccessibleName(QCoreApplication.translate("RiskConsentPane", u"Factors considered, one per line", None))
#endif // QT_CONFIG(accessibility)
        self.factors.setPlaceholderText(QCoreApplication.translate("RiskConsentPane", u"One per line, e.g. No history of violence", None))
        self.riskNotesLabel.setText(QCoreApplication.translate("RiskConsentPane", u"&Notes", None))
#if QT_CONFIG(accessibility)
        self.riskNotes.setAccessibleName(QCoreApplication.translate("RiskConsentPane", u"Assessment notes", None))
#endif // QT_CONFIG(accessibility)
        self.riskNotes.setPlaceholderText(QCoreApplication.translate("RiskConsentPane", u"Optional: suitability, venue, precautions", None))
        self.assessedByLabel.setText(QCoreApplication.translate("RiskConsentPane", u"Assessed &by", None))
#if QT_CONFIG(accessibility)
        self.assessedBy.setAccessibleName(QCoreApplication.translate("RiskConsentPane", u"Assessed by (blank for you)", None))
#endif // QT_CONFIG(accessibility)
        self.saveRiskButton.setText(QCoreApplication.translate("RiskConsentPane", u"&Save assessment", None))
#if QT_CONFIG(tooltip)
        self.saveRiskButton.setToolTip(QCoreApplication.translate("RiskConsentPane", u"Save this risk assessment (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.saveRiskButton.setAccessibleName(QCoreApplication.translate("RiskConsentPane", u"Save assessment", None))
#endif // QT_CONFIG(accessibility)
        self.consentHeading.setText(QCoreApplication.translate("RiskConsentPane", u"Consent", None))
        self.consentsLabel.setText(QCoreApplication.translate("RiskConsentPane", u"&Consent of each person", None))
#if QT_CONFIG(accessibility)
        self.consents.setAccessibleName(QCoreApplication.translate("RiskConsentPane", u"Consent of each person", None))
#endif // QT_CONFIG(accessibility)
        self.withdrawalNote.setText(QCoreApplication.translate("RiskConsentPane", u"Consent can be withdrawn at any time. From the day it is withdrawn it blocks a conference, shuttle work and signing the agreement.", None))
        self.giveConsentButton.setText(QCoreApplication.translate("RiskConsentPane", u"&Give consent\u2026", None))
#if QT_CONFIG(tooltip)
        self.giveConsentButton.setToolTip(QCoreApplication.translate("RiskConsentPane", u"Record consent given by the selected person", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.giveConsentButton.setAccessibleName(QCoreApplication.translate("RiskConsentPane", u"Give consent", None))
#endif // QT_CONFIG(accessibility)
        self.withdrawConsentButton.setText(QCoreApplication.translate("RiskConsentPane", u"Withd&raw consent\u2026", None))
#if QT_CONFIG(tooltip)
        self.withdrawConsentButton.setToolTip(QCoreApplication.translate("RiskConsentPane", u"Record that the selected person withdrew consent", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.withdrawConsentButton.setAccessibleName(QCoreApplication.translate("RiskConsentPane", u"Withdraw consent", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

