# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'referral_wizard.ui'
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
    QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QTextBrowser, QVBoxLayout, QWidget, QWizard,
    QWizardPage)

from rjdesk.ui.toolkit.date_field import DateField

class Ui_ReferralWizard(object):
    def setupUi(self, ReferralWizard):
        if not ReferralWizard.objectName():
            ReferralWizard.setObjectName(u"ReferralWizard")
        ReferralWizard.setModal(True)
        ReferralWizard.setMinimumSize(QSize(760, 560))
        ReferralWizard.setOptions(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.referralPage = QWizardPage()
        self.referralPage.setObjectName(u"referralPage")
        self.referralLayout = QVBoxLayout(self.referralPage)
        self.referralLayout.setObjectName(u"referralLayout")
        self.referralColumns = QHBoxLayout()
        self.referralColumns.setSpacing(12)
        self.referralColumns.setObjectName(u"referralColumns")
        self.referralBox = QGroupBox(self.referralPage)
        self.referralBox.setObjectName(u"referralBox")
        self.referralForm = QFormLayout(self.referralBox)
        self.referralForm.setObjectName(u"referralForm")
        self.referralForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.caseTypeLabel = QLabel(self.referralBox)
        self.caseTypeLabel.setObjectName(u"caseTypeLabel")

        self.referralForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.caseTypeLabel)

        self.caseType = QComboBox(self.referralBox)
        self.caseType.setObjectName(u"caseType")

        self.referralForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.caseType)

        self.receivedOnLabel = QLabel(self.referralBox)
        self.receivedOnLabel.setObjectName(u"receivedOnLabel")

        self.referralForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.receivedOnLabel)

        self.receivedOn = DateField(self.referralBox)
        self.receivedOn.setObjectName(u"receivedOn")

        self.referralForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.receivedOn)

        self.sourceLabel = QLabel(self.referralBox)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.referralForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.source = QComboBox(self.referralBox)
        self.source.setObjectName(u"source")

        self.referralForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.source)

        self.channelLabel = QLabel(self.referralBox)
        self.channelLabel.setObjectName(u"channelLabel")

        self.referralForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channel = QComboBox(self.referralBox)
        self.channel.setObjectName(u"channel")

        self.referralForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.channel)

        self.crimeReferenceLabel = QLabel(self.referralBox)
        self.crimeReferenceLabel.setObjectName(u"crimeReferenceLabel")

        self.referralForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.crimeReferenceLabel)

        self.crimeReference = QLineEdit(self.referralBox)
        self.crimeReference.setObjectName(u"crimeReference")
        self.crimeReference.setMaxLength(50)

        self.referralForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.crimeReference)

        self.incidentKnown = QCheckBox(self.referralBox)
        self.incidentKnown.setObjectName(u"incidentKnown")

        self.referralForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.incidentKnown)

        self.incidentDate = DateField(self.referralBox)
        self.incidentDate.setObjectName(u"incidentDate")
        self.incidentDate.setEnabled(False)

        self.referralForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.incidentDate)

        self.locationLabel = QLabel(self.referralBox)
        self.locationLabel.setObjectName(u"locationLabel")

        self.referralForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.locationLabel)

        self.location = QLineEdit(self.referralBox)
        self.location.setObjectName(u"location")
        self.location.setMaxLength(200)

        self.referralForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.location)


        self.referralColumns.addWidget(self.referralBox)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.referrerBox = QGroupBox(self.referralPage)
        self.referrerBox.setObjectName(u"referrerBox")
        self.referrerForm = QFormLayout(self.referrerBox)
        self.referrerForm.setObjectName(u"referrerForm")
        self.referrerForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.referrerNameLabel = QLabel(self.referrerBox)
        self.referrerNameLabel.setObjectName(u"referrerNameLabel")

        self.referrerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.referrerNameLabel)

        self.referrerName = QLineEdit(self.referrerBox)
        self.referrerName.setObjectName(u"referrerName")
        self.referrerName.setMaxLength(200)

        self.referrerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.referrerName)

        self.referrerOrganisationLabel = QLabel(self.referrerBox)
        self.referrerOrganisationLabel.setObjectName(u"referrerOrganisationLabel")

        self.referrerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.referrerOrganisationLabel)

        self.referrerOrganisation = QLineEdit(self.referrerBox)
        self.referrerOrganisation.setObjectName(u"referrerOrganisation")
        self.referrerOrganisation.setMaxLength(200)

        self.referrerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.referrerOrganisation)

        self.referrerPhoneLabel = QLabel(self.referrerBox)
        self.referrerPhoneLabel.setObjectName(u"referrerPhoneLabel")

        self.referrerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.referrerPhoneLabel)

        self.referrerPhone = QLineEdit(self.referrerBox)
        self.referrerPhone.setObjectName(u"referrerPhone")
        self.referrerPhone.setMaxLength(50)

        self.referrerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.referrerPhone)

        self.referrerEmailLabel = QLabel(self.referrerBox)
        self.referrerEmailLabel.setObjectName(u"referrerEmailLabel")

        self.referrerForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.referrerEmailLabel)

        self.referrerEmail = QLineEdit(self.referrerBox)
        self.referrerEmail.setObjectName(u"referrerEmail")
        self.referrerEmail.setMaxLength(200)

        self.referrerForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.referrerEmail)


        self.rightColumn.addWidget(self.referrerBox)

        self.flagsBox = QGroupBox(self.referralPage)
        self.flagsBox.setObjectName(u"flagsBox")
        self.flagsGrid = QGridLayout(self.flagsBox)
        self.flagsGrid.setObjectName(u"flagsGrid")
        self.flagHateCrime = QCheckBox(self.flagsBox)
        self.flagHateCrime.setObjectName(u"flagHateCrime")

        self.flagsGrid.addWidget(self.flagHateCrime, 0, 0, 1, 1)

        self.flagDomesticAbuse = QCheckBox(self.flagsBox)
        self.flagDomesticAbuse.setObjectName(u"flagDomesticAbuse")

        self.flagsGrid.addWidget(self.flagDomesticAbuse, 0, 1, 1, 1)

        self.flagSafeguardingChild = QCheckBox(self.flagsBox)
        self.flagSafeguardingChild.setObjectName(u"flagSafeguardingChild")

        self.flagsGrid.addWidget(self.flagSafeguardingChild, 1, 0, 1, 1)

        self.flagNoiseNuisance = QCheckBox(self.flagsBox)
        self.flagNoiseNuisance.setObjectName(u"flagNoiseNuisance")

        self.flagsGrid.addWidget(self.flagNoiseNuisance, 1, 1, 1, 1)

        self.flagSafeguardingAdult = QCheckBox(self.flagsBox)
        self.flagSafeguardingAdult.setObjectName(u"flagSafeguardingAdult")

        self.flagsGrid.addWidget(self.flagSafeguardingAdult, 2, 0, 1, 1)

        self.flagRepeatReferral = QCheckBox(self.flagsBox)
        self.flagRepeatReferral.setObjectName(u"flagRepeatReferral")

        self.flagsGrid.addWidget(self.flagRepeatReferral, 2, 1, 1, 1)


        self.rightColumn.addWidget(self.flagsBox)


        self.referralColumns.addLayout(self.rightColumn)


        self.referralLayout.addLayout(self.referralColumns)

        self.summaryLabel = QLabel(self.referralPage)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.referralLayout.addWidget(self.summaryLabel)

        self.summary = QPlainTextEdit(self.referralPage)
        self.summary.setObjectName(u"summary")
        self.summary.setTabChangesFocus(True)
        self.summary.setMinimumSize(QSize(0, 70))

        self.referralLayout.addWidget(self.summary)

        self.referralMessage = QLabel(self.referralPage)
        self.referralMessage.setObjectName(u"referralMessage")
        self.referralMessage.setText(u"")
        self.referralMessage.setWordWrap(True)

        self.referralLayout.addWidget(self.referralMessage)

        ReferralWizard.addPage(self.referralPage)
        self.peoplePage = QWizardPage()
        self.peoplePage.setObjectName(u"peoplePage")
        self.peopleLayout = QVBoxLayout(self.peoplePage)
        self.peopleLayout.setObjectName(u"peopleLayout")
        self.peopleRow = QHBoxLayout()
        self.peopleRow.setObjectName(u"peopleRow")
        self.peopleTable = QTableView(self.peoplePage)
        self.peopleTable.setObjectName(u"peopleTable")
        self.peopleTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.peopleTable.setTabKeyNavigation(False)
        self.peopleTable.setAlternatingRowColors(True)
        self.peopleTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.peopleTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.peopleTable.setWordWrap(True)
        self.peopleTable.horizontalHeader().setHighlightSections(False)
        self.peopleTable.horizontalHeader().setStretchLastSection(True)
        self.peopleTable.verticalHeader().setVisible(False)

        self.peopleRow.addWidget(self.peopleTable)

        self.peopleButtons = QVBoxLayout()
        self.peopleButtons.setObjectName(u"peopleButtons")
        self.addPersonButton = QPushButton(self.peoplePage)
        self.addPersonButton.setObjectName(u"addPersonButton")

        self.peopleButtons.addWidget(self.addPersonButton)

        self.editPersonButton = QPushButton(self.peoplePage)
        self.editPersonButton.setObjectName(u"editPersonButton")

        self.peopleButtons.addWidget(self.editPersonButton)

        self.removePersonButton = QPushButton(self.peoplePage)
        self.removePersonButton.setObjectName(u"removePersonButton")

        self.peopleButtons.addWidget(self.removePersonButton)

        self.peopleButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.peopleButtons.addItem(self.peopleButtonsSpacer)


        self.peopleRow.addLayout(self.peopleButtons)


        self.peopleLayout.addLayout(self.peopleRow)

        self.peopleMessage = QLabel(self.peoplePage)
        self.peopleMessage.setObjectName(u"peopleMessage")
        self.peopleMessage.setText(u"")
        self.peopleMessage.setWordWrap(True)

        self.peopleLayout.addWidget(self.peopleMessage)

        ReferralWizard.addPage(self.peoplePage)
        self.checkPage = QWizardPage()
        self.checkPage.setObjectName(u"checkPage")
        self.checkLayout = QVBoxLayout(self.checkPage)
        self.checkLayout.setObjectName(u"checkLayout")
        self.checkSummary = QTextBrowser(self.checkPage)
        self.checkSummary.setObjectName(u"checkSummary")
        self.checkSummary.setOpenLinks(False)
        self.checkSummary.setTabChangesFocus(True)

        self.checkLayout.addWidget(self.checkSummary)

        self.checkMessage = QLabel(self.checkPage)
        self.checkMessage.setObjectName(u"checkMessage")
        self.checkMessage.setText(u"")
        self.checkMessage.setWordWrap(True)

        self.checkLayout.addWidget(self.checkMessage)

        ReferralWizard.addPage(self.checkPage)
#if QT_CONFIG(shortcut)
        self.caseTypeLabel.setBuddy(self.caseType)
        self.receivedOnLabel.setBuddy(self.receivedOn)
        self.sourceLabel.setBuddy(self.source)
        self.channelLabel.setBuddy(self.channel)
        self.crimeReferenceLabel.setBuddy(self.crimeReference)
        self.locationLabel.setBuddy(self.location)
        self.referrerNameLabel.setBuddy(self.referrerName)
        self.referrerOrganisationLabel.setBuddy(self.referrerOrganisation)
        self.referrerPhoneLabel.setBuddy(self.referrerPhone)
        self.referrerEmailLabel.setBuddy(self.referrerEmail)
        self.summaryLabel.setBuddy(self.summary)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.caseType, self.receivedOn)
        QWidget.setTabOrder(self.receivedOn, self.source)
        QWidget.setTabOrder(self.source, self.channel)
        QWidget.setTabOrder(self.channel, self.crimeReference)
        QWidget.setTabOrder(self.crimeReference, self.incidentKnown)
        QWidget.setTabOrder(self.incidentKnown, self.incidentDate)
        QWidget.setTabOrder(self.incidentDate, self.location)
        QWidget.setTabOrder(self.location, self.referrerName)
        QWidget.setTabOrder(self.referrerName, self.referrerOrganisation)
        QWidget.setTabOrder(self.referrerOrganisation, self.referrerPhone)
        QWidget.setTabOrder(self.referrerPhone, self.referrerEmail)
        QWidget.setTabOrder(self.referrerEmail, self.flagHateCrime)
        QWidget.setTabOrder(self.flagHateCrime, self.flagDomesticAbuse)
        QWidget.setTabOrder(self.flagDomesticAbuse, self.flagSafeguardingChild)
        QWidget.setTabOrder(self.flagSafeguardingChild, self.flagNoiseNuisance)
        QWidget.setTabOrder(self.flagNoiseNuisance, self.flagSafeguardingAdult)
        QWidget.setTabOrder(self.flagSafeguardingAdult, self.flagRepeatReferral)
        QWidget.setTabOrder(self.flagRepeatReferral, self.summary)
        QWidget.setTabOrder(self.summary, self.peopleTable)
        QWidget.setTabOrder(self.peopleTable, self.addPersonButton)
        QWidget.setTabOrder(self.addPersonButton, self.editPersonButton)
        QWidget.setTabOrder(self.editPersonButton, self.removePersonButton)
        QWidget.setTabOrder(self.removePersonButton, self.checkSummary)

        self.retranslateUi(ReferralWizard)

        QMetaObject.connectSlotsByName(ReferralWizard)
    # setupUi

    def retranslateUi(self, ReferralWizard):
        ReferralWizard.setWindowTitle(QCoreApplication.translate("ReferralWizard", u"New referral", None))
        self.referralPage.setTitle(QCoreApplication.translate("ReferralWizard", u"The referral", None))
        self.referralPage.setSubTitle(QCoreApplication.translate("ReferralWizard", u"Who referred, what happened and where. You can correct these later on the case's Overview.", None))
        self.referralBox.setTitle(QCoreApplication.translate("ReferralWizard", u"Referral", None))
        self.caseTypeLabel.setText(QCoreApplication.translate("ReferralWizard", u"Case &type", None))
#if QT_CONFIG(accessibility)
        self.caseType.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Case type", None))
#endif // QT_CONFIG(accessibility)
        self.caseType.setPlaceholderText(QCoreApplication.translate("ReferralWizard", u"Choose\u2026", None))
        self.receivedOnLabel.setText(QCoreApplication.translate("ReferralWizard", u"Recei&ved on", None))
#if QT_CONFIG(accessibility)
        self.receivedOn.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Referral received on", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.receivedOn.setToolTip(QCoreApplication.translate("ReferralWizard", u"The Victims' Code deadline counts from this day", None))
#endif // QT_CONFIG(tooltip)
        self.sourceLabel.setText(QCoreApplication.translate("ReferralWizard", u"&Source", None))
#if QT_CONFIG(accessibility)
        self.source.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Referral source", None))
#endif // QT_CONFIG(accessibility)
        self.source.setPlaceholderText(QCoreApplication.translate("ReferralWizard", u"Choose\u2026", None))
        self.channelLabel.setText(QCoreApplication.translate("ReferralWizard", u"&Channel", None))
#if QT_CONFIG(accessibility)
        self.channel.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Channel the referral came in by", None))
#endif // QT_CONFIG(accessibility)
        self.channel.setPlaceholderText(QCoreApplication.translate("ReferralWizard", u"Choose\u2026", None))
        self.crimeReferenceLabel.setText(QCoreApplication.translate("ReferralWizard", u"Crime &reference", None))
#if QT_CONFIG(accessibility)
        self.crimeReference.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Crime reference", None))
#endif // QT_CONFIG(accessibility)
        self.crimeReference.setPlaceholderText(QCoreApplication.translate("ReferralWizard", u"If the police gave one", None))
        self.incidentKnown.setText(QCoreApplication.translate("ReferralWizard", u"&Incident date", None))
#if QT_CONFIG(accessibility)
        self.incidentKnown.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Incident date known", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.incidentKnown.setToolTip(QCoreApplication.translate("ReferralWizard", u"Tick when you know the day it happened", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.incidentDate.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Incident date", None))
#endif // QT_CONFIG(accessibility)
        self.locationLabel.setText(QCoreApplication.translate("ReferralWizard", u"Location or &ward", None))
#if QT_CONFIG(accessibility)
        self.location.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Location or ward", None))
#endif // QT_CONFIG(accessibility)
        self.referrerBox.setTitle(QCoreApplication.translate("ReferralWizard", u"Referrer", None))
        self.referrerNameLabel.setText(QCoreApplication.translate("ReferralWizard", u"Na&me", None))
#if QT_CONFIG(accessibility)
        self.referrerName.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Referrer's name", None))
#endif // QT_CONFIG(accessibility)
        self.referrerOrganisationLabel.setText(QCoreApplication.translate("ReferralWizard", u"Or&ganisation", None))
#if QT_CONFIG(accessibility)
        self.referrerOrganisation.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Referrer's organisation", None))
#endif // QT_CONFIG(accessibility)
        self.referrerPhoneLabel.setText(QCoreApplication.translate("ReferralWizard", u"&Phone", None))
#if QT_CONFIG(accessibility)
        self.referrerPhone.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Referrer's phone", None))
#endif // QT_CONFIG(accessibility)
        self.referrerEmailLabel.setText(QCoreApplication.translate("ReferralWizard", u"&Email", None))
#if QT_CONFIG(accessibility)
        self.referrerEmail.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Referrer's email", None))
#endif // QT_CONFIG(accessibility)
        self.flagsBox.setTitle(QCoreApplication.translate("ReferralWizard", u"Flags", None))
        self.flagHateCrime.setText(QCoreApplication.translate("ReferralWizard", u"&Hate crime", None))
#if QT_CONFIG(accessibility)
        self.flagHateCrime.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Flag: hate crime", None))
#endif // QT_CONFIG(accessibility)
        self.flagDomesticAbuse.setText(QCoreApplication.translate("ReferralWizard", u"Domestic ab&use", None))
#if QT_CONFIG(accessibility)
        self.flagDomesticAbuse.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Flag: domestic abuse", None))
#endif // QT_CONFIG(accessibility)
        self.flagSafeguardingChild.setText(QCoreApplication.translate("ReferralWizard", u"Safeguarding (chil&d)", None))
#if QT_CONFIG(accessibility)
        self.flagSafeguardingChild.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Flag: safeguarding (child)", None))
#endif // QT_CONFIG(accessibility)
        self.flagNoiseNuisance.setText(QCoreApplication.translate("ReferralWizard", u"N&oise nuisance", None))
#if QT_CONFIG(accessibility)
        self.flagNoiseNuisance.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Flag: noise nuisance", None))
#endif // QT_CONFIG(accessibility)
        self.flagSafeguardingAdult.setText(QCoreApplication.translate("ReferralWizard", u"Safeguarding (&adult)", None))
#if QT_CONFIG(accessibility)
        self.flagSafeguardingAdult.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Flag: safeguarding (adult)", None))
#endif // QT_CONFIG(accessibility)
        self.flagRepeatReferral.setText(QCoreApplication.translate("ReferralWizard", u"Repeat referra&l", None))
#if QT_CONFIG(accessibility)
        self.flagRepeatReferral.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Flag: repeat referral", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.flagRepeatReferral.setToolTip(QCoreApplication.translate("ReferralWizard", u"rjdesk also sets this when someone named was seen in an earlier case", None))
#endif // QT_CONFIG(tooltip)
        self.summaryLabel.setText(QCoreApplication.translate("ReferralWizard", u"Summar&y of what happened", None))
#if QT_CONFIG(accessibility)
        self.summary.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Summary of what happened", None))
#endif // QT_CONFIG(accessibility)
        self.peoplePage.setTitle(QCoreApplication.translate("ReferralWizard", u"The people", None))
        self.peoplePage.setSubTitle(QCoreApplication.translate("ReferralWizard", u"The people the referral names, with their roles. Add a supporter after the person they support. You can add more later on the People tab.", None))
#if QT_CONFIG(accessibility)
        self.peopleTable.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"People the referral names", None))
#endif // QT_CONFIG(accessibility)
        self.addPersonButton.setText(QCoreApplication.translate("ReferralWizard", u"&Add person\u2026", None))
#if QT_CONFIG(accessibility)
        self.addPersonButton.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Add person", None))
#endif // QT_CONFIG(accessibility)
        self.editPersonButton.setText(QCoreApplication.translate("ReferralWizard", u"&Edit\u2026", None))
#if QT_CONFIG(accessibility)
        self.editPersonButton.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Edit the chosen person", None))
#endif // QT_CONFIG(accessibility)
        self.removePersonButton.setText(QCoreApplication.translate("ReferralWizard", u"&Remove", None))
#if QT_CONFIG(accessibility)
        self.removePersonButton.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"Remove the chosen person", None))
#endif // QT_CONFIG(accessibility)
        self.checkPage.setTitle(QCoreApplication.translate("ReferralWizard", u"Check and create", None))
        self.checkPage.setSubTitle(QCoreApplication.translate("ReferralWizard", u"This is what Create case will save. Go back to change anything.", None))
#if QT_CONFIG(accessibility)
        self.checkSummary.setAccessibleName(QCoreApplication.translate("ReferralWizard", u"What will be created", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

