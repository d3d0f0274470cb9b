# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'overview_pane.ui'
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
    QFormLayout, QFrame, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

from rjdesk.ui.toolkit.date_field import DateField

class Ui_OverviewPane(object):
    def setupUi(self, OverviewPane):
        if not OverviewPane.objectName():
            OverviewPane.setObjectName(u"OverviewPane")
        self.outer = QVBoxLayout(OverviewPane)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(OverviewPane)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.content = QWidget()
        self.content.setObjectName(u"content")
        self.columns = QHBoxLayout(self.content)
        self.columns.setSpacing(16)
        self.columns.setObjectName(u"columns")
        self.referralBox = QGroupBox(self.content)
        self.referralBox.setObjectName(u"referralBox")
        self.referralForm = QFormLayout(self.referralBox)
        self.referralForm.setObjectName(u"referralForm")
        self.caseTypeLabel = QLabel(self.referralBox)
        self.caseTypeLabel.setObjectName(u"caseTypeLabel")

        self.referralForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.caseTypeLabel)

        self.caseType = QComboBox(self.referralBox)
        self.caseType.setObjectName(u"caseType")

        self.referralForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.caseType)

        self.receivedLabel = QLabel(self.referralBox)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.referralForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.receivedLabel)

        self.receivedOn = DateField(self.referralBox)
        self.receivedOn.setObjectName(u"receivedOn")

        self.referralForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.receivedOn)

        self.sourceLabel = QLabel(self.referralBox)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.referralForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.sourceRow = QHBoxLayout()
        self.sourceRow.setObjectName(u"sourceRow")
        self.source = QComboBox(self.referralBox)
        self.source.setObjectName(u"source")

        self.sourceRow.addWidget(self.source)

        self.channel = QComboBox(self.referralBox)
        self.channel.setObjectName(u"channel")

        self.sourceRow.addWidget(self.channel)


        self.referralForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.sourceRow)

        self.referrerLabel = QLabel(self.referralBox)
        self.referrerLabel.setObjectName(u"referrerLabel")

        self.referralForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.referrerLabel)

        self.referrerName = QLineEdit(self.referralBox)
        self.referrerName.setObjectName(u"referrerName")

        self.referralForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.referrerName)

        self.referrerOrganisation = QLineEdit(self.referralBox)
        self.referrerOrganisation.setObjectName(u"referrerOrganisation")

        self.referralForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.referrerOrganisation)

        self.referrerContact = QHBoxLayout()
        self.referrerContact.setObjectName(u"referrerContact")
        self.referrerPhone = QLineEdit(self.referralBox)
        self.referrerPhone.setObjectName(u"referrerPhone")

        self.referrerContact.addWidget(self.referrerPhone)

        self.referrerEmail = QLineEdit(self.referralBox)
        self.referrerEmail.setObjectName(u"referrerEmail")

        self.referrerContact.addWidget(self.referrerEmail)


        self.referralForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.referrerContact)

        self.crimeLabel = QLabel(self.referralBox)
        self.crimeLabel.setObjectName(u"crimeLabel")

        self.referralForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.crimeLabel)

        self.crimeReference = QLineEdit(self.referralBox)
        self.crimeReference.setObjectName(u"crimeReference")

        self.referralForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.crimeReference)

        self.incidentLabel = QLabel(self.referralBox)
        self.incidentLabel.setObjectName(u"incidentLabel")

        self.referralForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.incidentLabel)

        self.incidentRow = QHBoxLayout()
        self.incidentRow.setObjectName(u"incidentRow")
        self.incidentKnown = QCheckBox(self.referralBox)
        self.incidentKnown.setObjectName(u"incidentKnown")

        self.incidentRow.addWidget(self.incidentKnown)

        self.incidentDate = DateField(self.referralBox)
        self.incidentDate.setObjectName(u"incidentDate")

        self.incidentRow.addWidget(self.incidentDate)

        self.incidentSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.incidentRow.addItem(self.incidentSpacer)


        self.referralForm.setLayout(7, QFormLayout.ItemRole.FieldRole, self.incidentRow)

        self.locationLabel = QLabel(self.referralBox)
        self.locationLabel.setObjectName(u"locationLabel")

        self.referralForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.locationLabel)

        self.location = QLineEdit(self.referralBox)
        self.location.setObjectName(u"location")

        self.referralForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.location)

        self.summaryLabel = QLabel(self.referralBox)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.referralForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summary = QPlainTextEdit(self.referralBox)
        self.summary.setObjectName(u"summary")
        self.summary.setTabChangesFocus(True)
        self.summary.setMinimumSize(QSize(0, 110))

        self.referralForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.summary)

        self.flagsLabel = QLabel(self.referralBox)
        self.flagsLabel.setObjectName(u"flagsLabel")

        self.referralForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.flagsLabel)

        self.flagsBox = QWidget(self.referralBox)
        self.flagsBox.setObjectName(u"flagsBox")
        self.flagsGrid = QGridLayout(self.flagsBox)
        self.flagsGrid.setObjectName(u"flagsGrid")
        self.flagsGrid.setContentsMargins(0, 0, 0, 0)
        self.flagHateCrime = QCheckBox(self.flagsBox)
        self.flagHateCrime.setObjectName(u"flagHateCrime")

        self.flagsGrid.addWidget(self.flagHateCrime, 0, 0, 1, 1)

        self.flagNoise = QCheckBox(self.flagsBox)
        self.flagNoise.setObjectName(u"flagNoise")

        self.flagsGrid.addWidget(self.flagNoise, 0, 1, 1, 1)

        self.flagChild = QCheckBox(self.flagsBox)
        self.flagChild.setObjectName(u"flagChild")

        self.flagsGrid.addWidget(self.flagChild, 1, 0, 1, 1)

        self.flagAdult = QCheckBox(self.flagsBox)
        self.flagAdult.setObjectName(u"flagAdult")

        self.flagsGrid.addWidget(self.flagAdult, 1, 1, 1, 1)

        self.flagDomestic = QCheckBox(self.flagsBox)
        self.flagDomestic.setObjectName(u"flagDomestic")

        self.flagsGrid.addWidget(self.flagDomestic, 2, 0, 1, 1)

        self.flagRepeat = QCheckBox(self.flagsBox)
        self.flagRepeat.setObjectName(u"flagRepeat")

        self.flagsGrid.addWidget(self.flagRepeat, 2, 1, 1, 1)


        self.referralForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.flagsBox)

        self.referralButtons = QHBoxLayout()
        self.referralButtons.setObjectName(u"referralButtons")
        self.referralMessage = QLabel(self.referralBox)
        self.referralMessage.setObjectName(u"referralMessage")
        self.referralMessage.setText(u"")
        self.referralMessage.setWordWrap(True)

        self.referralButtons.addWidget(self.referralMessage)

        self.referralSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.referralButtons.addItem(self.referralSpacer)

        self.saveReferral = QPushButton(self.referralBox)
        self.saveReferral.setObjectName(u"saveReferral")

        self.referralButtons.addWidget(self.saveReferral)


        self.referralForm.setLayout(11, QFormLayout.ItemRole.FieldRole, self.referralButtons)


        self.columns.addWidget(self.referralBox)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.stageBox = QGroupBox(self.content)
        self.stageBox.setObjectName(u"stageBox")
        self.stageLayout = QVBoxLayout(self.stageBox)
        self.stageLayout.setObjectName(u"stageLayout")
        self.stageNow = QLabel(self.stageBox)
        self.stageNow.setObjectName(u"stageNow")
        self.stageNow.setText(u"")

        self.stageLayout.addWidget(self.stageNow)

        self.stageButtons = QHBoxLayout()
        self.stageButtons.setObjectName(u"stageButtons")
        self.moveOn = QPushButton(self.stageBox)
        self.moveOn.setObjectName(u"moveOn")
        self.moveOn.setText(u"")

        self.stageButtons.addWidget(self.moveOn)

        self.moveBack = QPushButton(self.stageBox)
        self.moveBack.setObjectName(u"moveBack")
        self.moveBack.setText(u"")

        self.stageButtons.addWidget(self.moveBack)

        self.closeCase = QPushButton(self.stageBox)
        self.closeCase.setObjectName(u"closeCase")

        self.stageButtons.addWidget(self.closeCase)

        self.reopenCase = QPushButton(self.stageBox)
        self.reopenCase.setObjectName(u"reopenCase")

        self.stageButtons.addWidget(self.reopenCase)

        self.stageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.stageButtons.addItem(self.stageSpacer)


        self.stageLayout.addLayout(self.stageButtons)

        self.stageBlockers = QLabel(self.stageBox)
        self.stageBlockers.setObjectName(u"stageBlockers")
        self.stageBlockers.setText(u"")
        self.stageBlockers.setWordWrap(True)

        self.stageLayout.addWidget(self.stageBlockers)

        self.stageMessage = QLabel(self.stageBox)
        self.stageMessage.setObjectName(u"stageMessage")
        self.stageMessage.setText(u"")
        self.stageMessage.setWordWrap(True)

        self.stageLayout.addWidget(self.stageMessage)

        self.historyLabel = QLabel(self.stageBox)
        self.historyLabel.setObjectName(u"historyLabel")

        self.stageLayout.addWidget(self.historyLabel)

        self.history = QTableView(self.stageBox)
        self.history.setObjectName(u"history")
        self.history.setTabKeyNavigation(False)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setMinimumSize(QSize(0, 120))
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.verticalHeader().setVisible(False)

        self.stageLayout.addWidget(self.history)


        self.rightColumn.addWidget(self.stageBox)

        self.safeguardingBox = QGroupBox(self.content)
        self.safeguardingBox.setObjectName(u"safeguardingBox")
        self.safeguardingLayout = QVBoxLayout(self.safeguardingBox)
        self.safeguardingLayout.setObjectName(u"safeguardingLayout")
        self.safeguarding = QTableView(self.safeguardingBox)
        self.safeguarding.setObjectName(u"safeguarding")
        self.safeguarding.setTabKeyNavigation(False)
        self.safeguarding.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.safeguarding.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.safeguarding.setWordWrap(True)
        self.safeguarding.setMinimumSize(QSize(0, 90))
        self.safeguarding.horizontalHeader().setStretchLastSection(True)
        self.safeguarding.verticalHeader().setVisible(False)

        self.safeguardingLayout.addWidget(self.safeguarding)

        self.safeguardingButtons = QHBoxLayout()
        self.safeguardingButtons.setObjectName(u"safeguardingButtons")
        self.safeguardingSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.safeguardingButtons.addItem(self.safeguardingSpacer)

        self.recordConcern = QPushButton(self.safeguardingBox)
        self.recordConcern.setObjectName(u"recordConcern")

        self.safeguardingButtons.addWidget(self.recordConcern)


        self.safeguardingLayout.addLayout(self.safeguardingButtons)


        self.rightColumn.addWidget(self.safeguardingBox)


        self.columns.addLayout(self.rightColumn)

        self.scroll.setWidget(self.content)

        self.outer.addWidget(self.scroll)

#if QT_CONFIG(shortcut)
        self.caseTypeLabel.setBuddy(self.caseType)
        self.receivedLabel.setBuddy(self.receivedOn)
        self.sourceLabel.setBuddy(self.source)
        self.referrerLabel.setBuddy(self.referrerName)
        self.crimeLabel.setBuddy(self.crimeReference)
        self.incidentLabel.setBuddy(self.incidentKnown)
        self.locationLabel.setBuddy(self.location)
        self.summaryLabel.setBuddy(self.summary)
        self.historyLabel.setBuddy(self.history)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.caseType, self.receivedOn)
        QWidget.setTabOrder(self.receivedOn, self.source)
        QWidget.setTabOrder(self.source, self.channel)
        QWidget.setTabOrder(self.channel, self.referrerName)
        QWidget.setTabOrder(self.referrerName, self.referrerOrganisation)
        QWidget.setTabOrder(self.referrerOrganisation, self.referrerPhone)
        QWidget.setTabOrder(self.referrerPhone, self.referrerEmail)
        QWidget.setTabOrder(self.referrerEmail, self.crimeReference)
        QWidget.setTabOrder(self.crimeReference, self.incidentKnown)
        QWidget.setTabOrder(self.incidentKnown, self.incidentDate)
        QWidget.setTabOrder(self.incidentDate, self.location)
        QWidget.setTabOrder(self.location, self.summary)
        QWidget.setTabOrder(self.summary, self.saveReferral)
        QWidget.setTabOrder(self.saveReferral, self.moveOn)
        QWidget.setTabOrder(self.moveOn, self.moveBack)
        QWidget.setTabOrder(self.moveBack, self.closeCase)
        QWidget.setTabOrder(self.closeCase, self.reopenCase)
        QWidget.setTabOrder(self.reopenCase, self.history)
        QWidget.setTabOrder(self.history, self.safeguarding)
        QWidget.setTabOrder(self.safeguarding, self.recordConcern)

        self.retranslateUi(OverviewPane)

        QMetaObject.connectSlotsByName(OverviewPane)
    # setupUi

    def retranslateUi(self, OverviewPane):
        self.referralBox.setTitle(QCoreApplication.translate("OverviewPane", u"Referral", None))
        self.caseTypeLabel.setText(QCoreApplication.translate("OverviewPane", u"Case t&ype", None))
#if QT_CONFIG(accessibility)
        self.caseType.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Case type", None))
#endif // QT_CONFIG(accessibility)
        self.receivedLabel.setText(QCoreApplication.translate("OverviewPane", u"&Received on", None))
#if QT_CONFIG(accessibility)
        self.receivedOn.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Received on", None))
#endif // QT_CONFIG(accessibility)
        self.sourceLabel.setText(QCoreApplication.translate("OverviewPane", u"Fro&m", None))
#if QT_CONFIG(accessibility)
        self.source.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Referral from", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.channel.setAccessibleName(QCoreApplication.translate("OverviewPane", u"How the referral came", None))
#endif // QT_CONFIG(accessibility)
        self.referrerLabel.setText(QCoreApplication.translate("OverviewPane", u"Re&ferrer", None))
#if QT_CONFIG(accessibility)
        self.referrerName.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Referrer's name", None))
#endif // QT_CONFIG(accessibility)
        self.referrerName.setPlaceholderText(QCoreApplication.translate("OverviewPane", u"Name", None))
#if QT_CONFIG(accessibility)
        self.referrerOrganisation.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Referrer's organisation", None))
#endif // QT_CONFIG(accessibility)
        self.referrerOrganisation.setPlaceholderText(QCoreApplication.translate("OverviewPane", u"Organisation", None))
#if QT_CONFIG(accessibility)
        self.referrerPhone.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Referrer's phone", None))
#endif // QT_CONFIG(accessibility)
        self.referrerPhone.setPlaceholderText(QCoreApplication.translate("OverviewPane", u"Phone", None))
#if QT_CONFIG(accessibility)
        self.referrerEmail.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Referrer's email", None))
#endif // QT_CONFIG(accessibility)
        self.referrerEmail.setPlaceholderText(QCoreApplication.translate("OverviewPane", u"Email", None))
        self.crimeLabel.setText(QCoreApplication.translate("OverviewPane", u"&Crime ref.", None))
#if QT_CONFIG(accessibility)
        self.crimeReference.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Crime reference", None))
#endif // QT_CONFIG(accessibility)
        self.incidentLabel.setText(QCoreApplication.translate("OverviewPane", u"&Incident", None))
        self.incidentKnown.setText(QCoreApplication.translate("OverviewPane", u"on", None))
#if QT_CONFIG(accessibility)
        self.incidentKnown.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Incident on a known date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.incidentDate.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Incident date", None))
#endif // QT_CONFIG(accessibility)
        self.locationLabel.setText(QCoreApplication.translate("OverviewPane", u"&Where", None))
#if QT_CONFIG(accessibility)
        self.location.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Where it happened", None))
#endif // QT_CONFIG(accessibility)
        self.summaryLabel.setText(QCoreApplication.translate("OverviewPane", u"Summ&ary", None))
#if QT_CONFIG(accessibility)
        self.summary.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Referral summary", None))
#endif // QT_CONFIG(accessibility)
        self.flagsLabel.setText(QCoreApplication.translate("OverviewPane", u"Flags", None))
        self.flagHateCrime.setText(QCoreApplication.translate("OverviewPane", u"Hate crime", None))
        self.flagNoise.setText(QCoreApplication.translate("OverviewPane", u"Noise nuisance", None))
        self.flagChild.setText(QCoreApplication.translate("OverviewPane", u"Safeguarding (child)", None))
        self.flagAdult.setText(QCoreApplication.translate("OverviewPane", u"Safeguarding (adult)", None))
        self.flagDomestic.setText(QCoreApplication.translate("OverviewPane", u"Domestic abuse", None))
        self.flagRepeat.setText(QCoreApplication.translate("OverviewPane", u"Repeat referral", None))
        self.saveReferral.setText(QCoreApplication.translate("OverviewPane", u"&Save referral", None))
#if QT_CONFIG(tooltip)
        self.saveReferral.setToolTip(QCoreApplication.translate("OverviewPane", u"Save the referral details and flags (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.stageBox.setTitle(QCoreApplication.translate("OverviewPane", u"Stage", None))
#if QT_CONFIG(accessibility)
        self.moveOn.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Move to the next stage", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.moveBack.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Move back a stage", None))
#endif // QT_CONFIG(accessibility)
        self.closeCase.setText(QCoreApplication.translate("OverviewPane", u"Cl&ose case\u2026", None))
#if QT_CONFIG(accessibility)
        self.closeCase.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Close case", None))
#endif // QT_CONFIG(accessibility)
        self.reopenCase.setText(QCoreApplication.translate("OverviewPane", u"Re&open case\u2026", None))
#if QT_CONFIG(accessibility)
        self.reopenCase.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Reopen case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.reopenCase.setToolTip(QCoreApplication.translate("OverviewPane", u"Reopen the case with a reason: it goes back to the stage it had before closing", None))
#endif // QT_CONFIG(tooltip)
        self.historyLabel.setText(QCoreApplication.translate("OverviewPane", u"Stage &history", None))
#if QT_CONFIG(accessibility)
        self.history.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Stage history", None))
#endif // QT_CONFIG(accessibility)
        self.safeguardingBox.setTitle(QCoreApplication.translate("OverviewPane", u"Safeguarding", None))
#if QT_CONFIG(accessibility)
        self.safeguarding.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Safeguarding concerns", None))
#endif // QT_CONFIG(accessibility)
        self.recordConcern.setText(QCoreApplication.translate("OverviewPane", u"Record a safeguarding co&ncern\u2026", None))
#if QT_CONFIG(accessibility)
        self.recordConcern.setAccessibleName(QCoreApplication.translate("OverviewPane", u"Record a safeguarding concern", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

