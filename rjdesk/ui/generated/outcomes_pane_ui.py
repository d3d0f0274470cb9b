# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'outcomes_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFormLayout,
    QFrame, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSplitter, QTableView, QVBoxLayout, QWidget)

from rjdesk.ui.toolkit.date_field import DateField

class Ui_OutcomesPane(object):
    def setupUi(self, OutcomesPane):
        if not OutcomesPane.objectName():
            OutcomesPane.setObjectName(u"OutcomesPane")
        self.layout = QVBoxLayout(OutcomesPane)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(OutcomesPane)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.factsScroll = QScrollArea(self.splitter)
        self.factsScroll.setObjectName(u"factsScroll")
        self.factsScroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.factsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.factsScroll.setWidgetResizable(True)
        self.factsScroll.setMinimumSize(QSize(380, 0))
        self.factsContents = QWidget()
        self.factsContents.setObjectName(u"factsContents")
        self.factsLayout = QVBoxLayout(self.factsContents)
        self.factsLayout.setSpacing(6)
        self.factsLayout.setObjectName(u"factsLayout")
        self.factsLayout.setContentsMargins(6, 6, 10, 6)
        self.factsHeading = QLabel(self.factsContents)
        self.factsHeading.setObjectName(u"factsHeading")

        self.factsLayout.addWidget(self.factsHeading)

        self.factsExplanation = QLabel(self.factsContents)
        self.factsExplanation.setObjectName(u"factsExplanation")
        self.factsExplanation.setWordWrap(True)

        self.factsLayout.addWidget(self.factsExplanation)

        self.factsForm = QFormLayout()
        self.factsForm.setObjectName(u"factsForm")
        self.factsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.interventionTypeLabel = QLabel(self.factsContents)
        self.interventionTypeLabel.setObjectName(u"interventionTypeLabel")

        self.factsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.interventionTypeLabel)

        self.interventionType = QComboBox(self.factsContents)
        self.interventionType.setObjectName(u"interventionType")

        self.factsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.interventionType)

        self.startedByLabel = QLabel(self.factsContents)
        self.startedByLabel.setObjectName(u"startedByLabel")

        self.factsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.startedByLabel)

        self.startedBy = QComboBox(self.factsContents)
        self.startedBy.setObjectName(u"startedBy")

        self.factsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.startedBy)

        self.justiceStageLabel = QLabel(self.factsContents)
        self.justiceStageLabel.setObjectName(u"justiceStageLabel")

        self.factsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.justiceStageLabel)

        self.justiceStage = QComboBox(self.factsContents)
        self.justiceStage.setObjectName(u"justiceStage")

        self.factsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.justiceStage)

        self.attemptedOnLabel = QLabel(self.factsContents)
        self.attemptedOnLabel.setObjectName(u"attemptedOnLabel")

        self.factsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.attemptedOnLabel)

        self.attemptedOn = DateField(self.factsContents)
        self.attemptedOn.setObjectName(u"attemptedOn")

        self.factsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.attemptedOn)

        self.attemptedOnSourceLayout = QVBoxLayout()
        self.attemptedOnSourceLayout.setObjectName(u"attemptedOnSourceLayout")
        self.attemptedOnSource = QLabel(self.factsContents)
        self.attemptedOnSource.setObjectName(u"attemptedOnSource")
        self.attemptedOnSource.setText(u"")
        self.attemptedOnSource.setWordWrap(True)

        self.attemptedOnSourceLayout.addWidget(self.attemptedOnSource)

        self.attemptedOnReset = QPushButton(self.factsContents)
        self.attemptedOnReset.setObjectName(u"attemptedOnReset")

        self.attemptedOnSourceLayout.addWidget(self.attemptedOnReset)


        self.factsForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.attemptedOnSourceLayout)

        self.madeOnLabel = QLabel(self.factsContents)
        self.madeOnLabel.setObjectName(u"madeOnLabel")

        self.factsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.madeOnLabel)

        self.madeOn = DateField(self.factsContents)
        self.madeOn.setObjectName(u"madeOn")

        self.factsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.madeOn)

        self.madeOnSourceLayout = QVBoxLayout()
        self.madeOnSourceLayout.setObjectName(u"madeOnSourceLayout")
        self.madeOnSource = QLabel(self.factsContents)
        self.madeOnSource.setObjectName(u"madeOnSource")
        self.madeOnSource.setText(u"")
        self.madeOnSource.setWordWrap(True)

        self.madeOnSourceLayout.addWidget(self.madeOnSource)

        self.madeOnReset = QPushButton(self.factsContents)
        self.madeOnReset.setObjectName(u"madeOnReset")

        self.madeOnSourceLayout.addWidget(self.madeOnReset)


        self.factsForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.madeOnSourceLayout)


        self.factsLayout.addLayout(self.factsForm)

        self.saveLayout = QHBoxLayout()
        self.saveLayout.setObjectName(u"saveLayout")
        self.saveFactsButton = QPushButton(self.factsContents)
        self.saveFactsButton.setObjectName(u"saveFactsButton")

        self.saveLayout.addWidget(self.saveFactsButton)

        self.saveSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveLayout.addItem(self.saveSpacer)


        self.factsLayout.addLayout(self.saveLayout)

        self.factsMessage = QLabel(self.factsContents)
        self.factsMessage.setObjectName(u"factsMessage")
        self.factsMessage.setText(u"")
        self.factsMessage.setWordWrap(True)

        self.factsLayout.addWidget(self.factsMessage)

        self.factsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.factsLayout.addItem(self.factsSpacer)

        self.factsScroll.setWidget(self.factsContents)
        self.splitter.addWidget(self.factsScroll)
        self.peopleSide = QWidget(self.splitter)
        self.peopleSide.setObjectName(u"peopleSide")
        self.peopleLayout = QVBoxLayout(self.peopleSide)
        self.peopleLayout.setSpacing(6)
        self.peopleLayout.setObjectName(u"peopleLayout")
        self.peopleLayout.setContentsMargins(10, 6, 6, 6)
        self.peopleHeading = QLabel(self.peopleSide)
        self.peopleHeading.setObjectName(u"peopleHeading")

        self.peopleLayout.addWidget(self.peopleHeading)

        self.peopleLabel = QLabel(self.peopleSide)
        self.peopleLabel.setObjectName(u"peopleLabel")
        self.peopleLabel.setWordWrap(True)

        self.peopleLayout.addWidget(self.peopleLabel)

        self.people = QTableView(self.peopleSide)
        self.people.setObjectName(u"people")
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people.setTabKeyNavigation(False)
        self.people.setWordWrap(True)
        self.people.horizontalHeader().setStretchLastSection(False)
        self.people.verticalHeader().setVisible(False)

        self.peopleLayout.addWidget(self.people)

        self.peopleButtons = QHBoxLayout()
        self.peopleButtons.setObjectName(u"peopleButtons")
        self.endButton = QPushButton(self.peopleSide)
        self.endButton.setObjectName(u"endButton")

        self.peopleButtons.addWidget(self.endButton)

        self.followUpButton = QPushButton(self.peopleSide)
        self.followUpButton.setObjectName(u"followUpButton")

        self.peopleButtons.addWidget(self.followUpButton)

        self.equalityButton = QPushButton(self.peopleSide)
        self.equalityButton.setObjectName(u"equalityButton")

        self.peopleButtons.addWidget(self.equalityButton)

        self.peopleSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.peopleButtons.addItem(self.peopleSpacer)


        self.peopleLayout.addLayout(self.peopleButtons)

        self.peopleMessage = QLabel(self.peopleSide)
        self.peopleMessage.setObjectName(u"peopleMessage")
        self.peopleMessage.setText(u"")
        self.peopleMessage.setWordWrap(True)

        self.peopleLayout.addWidget(self.peopleMessage)

        self.splitter.addWidget(self.peopleSide)

        self.layout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.interventionTypeLabel.setBuddy(self.interventionType)
        self.startedByLabel.setBuddy(self.startedBy)
        self.justiceStageLabel.setBuddy(self.justiceStage)
        self.attemptedOnLabel.setBuddy(self.attemptedOn)
        self.madeOnLabel.setBuddy(self.madeOn)
        self.peopleLabel.setBuddy(self.people)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.interventionType, self.startedBy)
        QWidget.setTabOrder(self.startedBy, self.justiceStage)
        QWidget.setTabOrder(self.justiceStage, self.attemptedOn)
        QWidget.setTabOrder(self.attemptedOn, self.attemptedOnReset)
        QWidget.setTabOrder(self.attemptedOnReset, self.madeOn)
        QWidget.setTabOrder(self.madeOn, self.madeOnReset)
        QWidget.setTabOrder(self.madeOnReset, self.saveFactsButton)
        QWidget.setTabOrder(self.saveFactsButton, self.people)
        QWidget.setTabOrder(self.people, self.endButton)
        QWidget.setTabOrder(self.endButton, self.followUpButton)
        QWidget.setTabOrder(self.followUpButton, self.equalityButton)

        self.retranslateUi(OutcomesPane)

        QMetaObject.connectSlotsByName(OutcomesPane)
    # setupUi

    def retranslateUi(self, OutcomesPane):
#if QT_CONFIG(accessibility)
        OutcomesPane.setAccessibleName(QCoreApplication.translate("OutcomesPane", u"Outcomes", None))
#endif // QT_CONFIG(accessibility)
        self.factsHeading.setText(QCoreApplication.translate("OutcomesPane", u"Facts for the funders' returns", None))
        self.factsExplanation.setText(QCoreApplication.translate("OutcomesPane", u"The figures each quarter count these. The first contact dates are worked out from the contacts; correct one only when the contacts do not show it.", None))
        self.interventionTypeLabel.setText(QCoreApplication.translate("OutcomesPane", u"&Intervention", None))
#if QT_CONFIG(accessibility)
        self.interventionType.setAccessibleName(QCoreApplication.translate("OutcomesPane", u"Intervention: direct or indirect, and how", None))
#endif // QT_CONFIG(accessibility)
        self.startedByLabel.setText(QCoreApplication.translate("OutcomesPane", u"Referral started &by", None))
#if QT_CONFIG(accessibility)
        self.startedBy.setAccessibleName(QCoreApplication.translate("OutcomesPane", u"Referral started by: which party asked first", None))
#endif // QT_CONFIG(accessibility)
        self.justiceStageLabel.setText(QCoreApplication.translate("OutcomesPane", u"Stage in the &justice system", None))
#if QT_CONFIG(accessibility)
        self.justiceStage.setAccessibleName(QCoreApplication.translate("OutcomesPane", u"Stage in the justice system", None))
#endif // QT_CONFIG(accessibility)
        self.attemptedOnLabel.setText(QCoreApplication.translate("OutcomesPane", u"First contact a&ttempted", None))
#if QT_CONFIG(accessibility)
        self.attemptedOn.setAccessibleName(QCoreApplication.translate("OutcomesPane", u"First contact attempted", None))
#endif // QT_CONFIG(accessibility)
        self.attemptedOnReset.setText(QCoreApplication.translate("OutcomesPane", u"Use the contacts' date", None))
#if QT_CONFIG(accessibility)
        self.attemptedOnReset.setAccessibleName(QCoreApplication.translate("OutcomesPane", u"First contact attempted: use the contacts' date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.attemptedOnReset.setToolTip(QCoreApplication.translate("OutcomesPane", u"Forget the correction and follow the date worked out from the contacts", None))
#endif // QT_CONFIG(tooltip)
        self.madeOnLabel.setText(QCoreApplication.translate("OutcomesPane", u"First contact &made", None))
#if QT_CONFIG(accessibility)
        self.madeOn.setAccessibleName(QCoreApplication.translate("OutcomesPane", u"First contact made", None))
#endif // QT_CONFIG(accessibility)
        self.madeOnReset.setText(QCoreApplication.translate("OutcomesPane", u"Use the contacts' date", None))
#if QT_CONFIG(accessibility)
        self.madeOnReset.setAccessibleName(QCoreApplication.translate("OutcomesPane", u"First contact made: use the contacts' date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.madeOnReset.setToolTip(QCoreApplication.translate("OutcomesPane", u"Forget the correction and follow the date worked out from the contacts", None))
#endif // QT_CONFIG(tooltip)
        self.saveFactsButton.setText(QCoreApplication.translate("OutcomesPane", u"&Save these facts", None))
#if QT_CONFIG(accessibility)
        self.saveFactsButton.setAccessibleName(QCoreApplication.translate("OutcomesPane", u"Save these facts", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.saveFactsButton.setToolTip(QCoreApplication.translate("OutcomesPane", u"Save the intervention, who started it, the stage and the first contact dates (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.peopleHeading.setText(QCoreApplication.translate("OutcomesPane", u"Feedback and equality monitoring", None))
        self.peopleLabel.setText(QCoreApplication.translate("OutcomesPane", u"Each &person's feedback at the end and at follow-up, with satisfaction out of 5, and whether they answered the equality questions (the answers are not shown here)", None))
#if QT_CONFIG(accessibility)
        self.people.setAccessibleName(QCoreApplication.translate("OutcomesPane", u"Each person's feedback at the end and at follow-up, with satisfaction out of 5, and whether they answered the equality questions", None))
#endif // QT_CONFIG(accessibility)
        self.endButton.setText(QCoreApplication.translate("OutcomesPane", u"Feedback at the &end\u2026", None))
#if QT_CONFIG(accessibility)
        self.endButton.setAccessibleName(QCoreApplication.translate("OutcomesPane", u"Feedback at the end of the intervention", None))
#endif // QT_CONFIG(accessibility)
        self.followUpButton.setText(QCoreApplication.translate("OutcomesPane", u"Feedback at &follow-up\u2026", None))
#if QT_CONFIG(accessibility)
        self.followUpButton.setAccessibleName(QCoreApplication.translate("OutcomesPane", u"Feedback at follow-up", None))
#endif // QT_CONFIG(accessibility)
        self.equalityButton.setText(QCoreApplication.translate("OutcomesPane", u"E&quality monitoring\u2026", None))
#if QT_CONFIG(accessibility)
        self.equalityButton.setAccessibleName(QCoreApplication.translate("OutcomesPane", u"Equality monitoring", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

