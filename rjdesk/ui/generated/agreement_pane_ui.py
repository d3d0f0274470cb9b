# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agreement_pane.ui'
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
    QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QStackedWidget, QTableView,
    QVBoxLayout, QWidget)

from rjdesk.ui.toolkit.date_field import DateField

class Ui_AgreementPane(object):
    def setupUi(self, AgreementPane):
        if not AgreementPane.objectName():
            AgreementPane.setObjectName(u"AgreementPane")
        self.outer = QVBoxLayout(AgreementPane)
        self.outer.setSpacing(6)
        self.outer.setObjectName(u"outer")
        self.versionRow = QHBoxLayout()
        self.versionRow.setObjectName(u"versionRow")
        self.versionLabel = QLabel(AgreementPane)
        self.versionLabel.setObjectName(u"versionLabel")

        self.versionRow.addWidget(self.versionLabel)

        self.versionCombo = QComboBox(AgreementPane)
        self.versionCombo.setObjectName(u"versionCombo")
        self.versionCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.versionRow.addWidget(self.versionCombo)

        self.newVersionButton = QPushButton(AgreementPane)
        self.newVersionButton.setObjectName(u"newVersionButton")

        self.versionRow.addWidget(self.newVersionButton)

        self.discardButton = QPushButton(AgreementPane)
        self.discardButton.setObjectName(u"discardButton")

        self.versionRow.addWidget(self.discardButton)

        self.versionSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.versionRow.addItem(self.versionSpacer)

        self.previewButton = QPushButton(AgreementPane)
        self.previewButton.setObjectName(u"previewButton")

        self.versionRow.addWidget(self.previewButton)

        self.printButton = QPushButton(AgreementPane)
        self.printButton.setObjectName(u"printButton")

        self.versionRow.addWidget(self.printButton)

        self.saveCopyButton = QPushButton(AgreementPane)
        self.saveCopyButton.setObjectName(u"saveCopyButton")

        self.versionRow.addWidget(self.saveCopyButton)


        self.outer.addLayout(self.versionRow)

        self.state = QLabel(AgreementPane)
        self.state.setObjectName(u"state")
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outer.addWidget(self.state)

        self.stateDetail = QLabel(AgreementPane)
        self.stateDetail.setObjectName(u"stateDetail")
        self.stateDetail.setWordWrap(True)
        self.stateDetail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.outer.addWidget(self.stateDetail)

        self.message = QLabel(AgreementPane)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.outer.addWidget(self.message)

        self.split = QSplitter(AgreementPane)
        self.split.setObjectName(u"split")
        self.split.setOrientation(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.agreedPanel = QWidget(self.split)
        self.agreedPanel.setObjectName(u"agreedPanel")
        self.agreedLayout = QVBoxLayout(self.agreedPanel)
        self.agreedLayout.setObjectName(u"agreedLayout")
        self.agreedLayout.setContentsMargins(0, 0, 6, 0)
        self.datesRow = QHBoxLayout()
        self.datesRow.setObjectName(u"datesRow")
        self.agreedOnLabel = QLabel(self.agreedPanel)
        self.agreedOnLabel.setObjectName(u"agreedOnLabel")

        self.datesRow.addWidget(self.agreedOnLabel)

        self.agreedOn = DateField(self.agreedPanel)
        self.agreedOn.setObjectName(u"agreedOn")

        self.datesRow.addWidget(self.agreedOn)

        self.datesGap = QSpacerItem(16, 10, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.datesRow.addItem(self.datesGap)

        self.reviewCheck = QCheckBox(self.agreedPanel)
        self.reviewCheck.setObjectName(u"reviewCheck")

        self.datesRow.addWidget(self.reviewCheck)

        self.reviewOn = DateField(self.agreedPanel)
        self.reviewOn.setObjectName(u"reviewOn")

        self.datesRow.addWidget(self.reviewOn)

        self.datesSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.datesRow.addItem(self.datesSpacer)


        self.agreedLayout.addLayout(self.datesRow)

        self.summaryLabel = QLabel(self.agreedPanel)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.agreedLayout.addWidget(self.summaryLabel)

        self.summary = QPlainTextEdit(self.agreedPanel)
        self.summary.setObjectName(u"summary")
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumSize(QSize(16777215, 64))

        self.agreedLayout.addWidget(self.summary)

        self.actionsLabel = QLabel(self.agreedPanel)
        self.actionsLabel.setObjectName(u"actionsLabel")

        self.agreedLayout.addWidget(self.actionsLabel)

        self.actionsView = QTableView(self.agreedPanel)
        self.actionsView.setObjectName(u"actionsView")
        self.actionsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actionsView.setAlternatingRowColors(True)
        self.actionsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actionsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actionsView.setWordWrap(True)
        self.actionsView.setTabKeyNavigation(False)
        self.actionsView.horizontalHeader().setStretchLastSection(False)
        self.actionsView.verticalHeader().setVisible(False)

        self.agreedLayout.addWidget(self.actionsView)

        self.actionButtons = QHBoxLayout()
        self.actionButtons.setObjectName(u"actionButtons")
        self.addActionButton = QPushButton(self.agreedPanel)
        self.addActionButton.setObjectName(u"addActionButton")

        self.actionButtons.addWidget(self.addActionButton)

        self.removeActionButton = QPushButton(self.agreedPanel)
        self.removeActionButton.setObjectName(u"removeActionButton")

        self.actionButtons.addWidget(self.removeActionButton)

        self.moveUpButton = QPushButton(self.agreedPanel)
        self.moveUpButton.setObjectName(u"moveUpButton")

        self.actionButtons.addWidget(self.moveUpButton)

        self.moveDownButton = QPushButton(self.agreedPanel)
        self.moveDownButton.setObjectName(u"moveDownButton")

        self.actionButtons.addWidget(self.moveDownButton)

        self.actionButtonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionButtons.addItem(self.actionButtonsSpacer)


        self.agreedLayout.addLayout(self.actionButtons)

        self.rowStack = QStackedWidget(self.agreedPanel)
        self.rowStack.setObjectName(u"rowStack")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.rowStack.sizePolicy().hasHeightForWidth())
        self.rowStack.setSizePolicy(sizePolicy)
        self.editPage = QWidget()
        self.editPage.setObjectName(u"editPage")
        self.editGrid = QGridLayout(self.editPage)
        self.editGrid.setObjectName(u"editGrid")
        self.editGrid.setContentsMargins(0, 0, 0, 0)
        self.whoLabel = QLabel(self.editPage)
        self.whoLabel.setObjectName(u"whoLabel")

        self.editGrid.addWidget(self.whoLabel, 0, 0, 1, 1)

        self.who = QComboBox(self.editPage)
        self.who.setObjectName(u"who")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.who.sizePolicy().hasHeightForWidth())
        self.who.setSizePolicy(sizePolicy1)

        self.editGrid.addWidget(self.who, 0, 1, 1, 1)

        self.dueLabel = QLabel(self.editPage)
        self.dueLabel.setObjectName(u"dueLabel")

        self.editGrid.addWidget(self.dueLabel, 0, 2, 1, 1)

        self.due = DateField(self.editPage)
        self.due.setObjectName(u"due")

        self.editGrid.addWidget(self.due, 0, 3, 1, 1)

        self.ongoing = QCheckBox(self.editPage)
        self.ongoing.setObjectName(u"ongoing")

        self.editGrid.addWidget(self.ongoing, 0, 4, 1, 1)

        self.whatLabel = QLabel(self.editPage)
        self.whatLabel.setObjectName(u"whatLabel")

        self.editGrid.addWidget(self.whatLabel, 1, 0, 1, 1)

        self.what = QLineEdit(self.editPage)
        self.what.setObjectName(u"what")

        self.editGrid.addWidget(self.what, 1, 1, 1, 4)

        self.rowStack.addWidget(self.editPage)
        self.followPage = QWidget()
        self.followPage.setObjectName(u"followPage")
        self.followGrid = QGridLayout(self.followPage)
        self.followGrid.setObjectName(u"followGrid")
        self.followGrid.setContentsMargins(0, 0, 0, 0)
        self.statusLabel = QLabel(self.followPage)
        self.statusLabel.setObjectName(u"statusLabel")

        self.followGrid.addWidget(self.statusLabel, 0, 0, 1, 1)

        self.status = QComboBox(self.followPage)
        self.status.setObjectName(u"status")

        self.followGrid.addWidget(self.status, 0, 1, 1, 1)

        self.checkedOnLabel = QLabel(self.followPage)
        self.checkedOnLabel.setObjectName(u"checkedOnLabel")

        self.followGrid.addWidget(self.checkedOnLabel, 0, 2, 1, 1)

        self.checkedOn = DateField(self.followPage)
        self.checkedOn.setObjectName(u"checkedOn")

        self.followGrid.addWidget(self.checkedOn, 0, 3, 1, 1)

        self.followSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.followGrid.addItem(self.followSpacer, 0, 4, 1, 1)

        self.noteLabel = QLabel(self.followPage)
        self.noteLabel.setObjectName(u"noteLabel")

        self.followGrid.addWidget(self.noteLabel, 1, 0, 1, 1)

        self.note = QLineEdit(self.followPage)
        self.note.setObjectName(u"note")

        self.followGrid.addWidget(self.note, 1, 1, 1, 4)

        self.recordCheckButton = QPushButton(self.followPage)
        self.recordCheckButton.setObjectName(u"recordCheckButton")

        self.followGrid.addWidget(self.recordCheckButton, 1, 5, 1, 1)

        self.rowStack.addWidget(self.followPage)

        self.agreedLayout.addWidget(self.rowStack)

        self.saveRow = QHBoxLayout()
        self.saveRow.setObjectName(u"saveRow")
        self.dirtyLabel = QLabel(self.agreedPanel)
        self.dirtyLabel.setObjectName(u"dirtyLabel")

        self.saveRow.addWidget(self.dirtyLabel)

        self.saveSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveRow.addItem(self.saveSpacer)

        self.saveButton = QPushButton(self.agreedPanel)
        self.saveButton.setObjectName(u"saveButton")

        self.saveRow.addWidget(self.saveButton)


        self.agreedLayout.addLayout(self.saveRow)

        self.agreedLayout.setStretch(4, 1)
        self.split.addWidget(self.agreedPanel)
        self.signaturesPanel = QWidget(self.split)
        self.signaturesPanel.setObjectName(u"signaturesPanel")
        self.signaturesLayout = QVBoxLayout(self.signaturesPanel)
        self.signaturesLayout.setObjectName(u"signaturesLayout")
        self.signaturesLayout.setContentsMargins(6, 0, 0, 0)
        self.signaturesLabel = QLabel(self.signaturesPanel)
        self.signaturesLabel.setObjectName(u"signaturesLabel")

        self.signaturesLayout.addWidget(self.signaturesLabel)

        self.signaturesView = QTableView(self.signaturesPanel)
        self.signaturesView.setObjectName(u"signaturesView")
        self.signaturesView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.signaturesView.setAlternatingRowColors(True)
        self.signaturesView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.signaturesView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.signaturesView.setWordWrap(True)
        self.signaturesView.setTabKeyNavigation(False)
        self.signaturesView.horizontalHeader().setStretchLastSection(True)
        self.signaturesView.verticalHeader().setVisible(False)

        self.signaturesLayout.addWidget(self.signaturesView)

        self.signingStrip = QWidget(self.signaturesPanel)
        self.signingStrip.setObjectName(u"signingStrip")
        self.signingGrid = QGridLayout(self.signingStrip)
        self.signingGrid.setObjectName(u"signingGrid")
        self.signingGrid.setContentsMargins(0, 0, 0, 0)
        self.screenButton = QPushButton(self.signingStrip)
        self.screenButton.setObjectName(u"screenButton")

        self.signingGrid.addWidget(self.screenButton, 0, 0, 1, 1)

        self.withdrawButton = QPushButton(self.signingStrip)
        self.withdrawButton.setObjectName(u"withdrawButton")

        self.signingGrid.addWidget(self.withdrawButton, 0, 1, 1, 3)

        self.paperButton = QPushButton(self.signingStrip)
        self.paperButton.setObjectName(u"paperButton")

        self.signingGrid.addWidget(self.paperButton, 1, 0, 1, 1)

        self.signedOnLabel = QLabel(self.signingStrip)
        self.signedOnLabel.setObjectName(u"signedOnLabel")

        self.signingGrid.addWidget(self.signedOnLabel, 1, 1, 1, 1)

        self.signedOn = DateField(self.signingStrip)
        self.signedOn.setObjectName(u"signedOn")

        self.signingGrid.addWidget(self.signedOn, 1, 2, 1, 1)

        self.signingSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.signingGrid.addItem(self.signingSpacer, 1, 3, 1, 1)


        self.signaturesLayout.addWidget(self.signingStrip)

        self.signHint = QLabel(self.signaturesPanel)
        self.signHint.setObjectName(u"signHint")
        self.signHint.setWordWrap(True)

        self.signaturesLayout.addWidget(self.signHint)

        self.signaturesLayout.setStretch(1, 1)
        self.split.addWidget(self.signaturesPanel)

        self.outer.addWidget(self.split)

        self.outer.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.versionLabel.setBuddy(self.versionCombo)
        self.agreedOnLabel.setBuddy(self.agreedOn)
        self.summaryLabel.setBuddy(self.summary)
        self.actionsLabel.setBuddy(self.actionsView)
        self.whoLabel.setBuddy(self.who)
        self.dueLabel.setBuddy(self.due)
        self.whatLabel.setBuddy(self.what)
        self.statusLabel.setBuddy(self.status)
        self.checkedOnLabel.setBuddy(self.checkedOn)
        self.noteLabel.setBuddy(self.note)
        self.signaturesLabel.setBuddy(self.signaturesView)
        self.signedOnLabel.setBuddy(self.signedOn)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.versionCombo, self.newVersionButton)
        QWidget.setTabOrder(self.newVersionButton, self.discardButton)
        QWidget.setTabOrder(self.discardButton, self.previewButton)
        QWidget.setTabOrder(self.previewButton, self.printButton)
        QWidget.setTabOrder(self.printButton, self.saveCopyButton)
        QWidget.setTabOrder(self.saveCopyButton, self.agreedOn)
        QWidget.setTabOrder(self.agreedOn, self.reviewCheck)
        QWidget.setTabOrder(self.reviewCheck, self.reviewOn)
        QWidget.setTabOrder(self.reviewOn, self.summary)
        QWidget.setTabOrder(self.summary, self.actionsView)
        QWidget.setTabOrder(self.actionsView, self.addActionButton)
        QWidget.setTabOrder(self.addActionButton, self.removeActionButton)
        QWidget.setTabOrder(self.removeActionButton, self.moveUpButton)
        QWidget.setTabOrder(self.moveUpButton, self.moveDownButton)
        QWidget.setTabOrder(self.moveDownButton, self.who)
        QWidget.setTabOrder(self.who, self.due)
        QWidget.setTabOrder(self.due, self.ongoing)
        QWidget.setTabOrder(self.ongoing, self.what)
        QWidget.setTabOrder(self.what, self.status)
        QWidget.setTabOrder(self.status, self.checkedOn)
        QWidget.setTabOrder(self.checkedOn, self.note)
        QWidget.setTabOrder(self.note, self.recordCheckButton)
        QWidget.setTabOrder(self.recordCheckButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.signaturesView)
        QWidget.setTabOrder(self.signaturesView, self.screenButton)
        QWidget.setTabOrder(self.screenButton, self.paperButton)
        QWidget.setTabOrder(self.paperButton, self.signedOn)

        self.retranslateUi(AgreementPane)

        self.rowStack.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(AgreementPane)
    # setupUi

    def retranslateUi(self, AgreementPane):
#if QT_CONFIG(accessibility)
        AgreementPane.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Agreement", None))
#endif // QT_CONFIG(accessibility)
        self.versionLabel.setText(QCoreApplication.translate("AgreementPane", u"&Version", None))
#if QT_CONFIG(accessibility)
        self.versionCombo.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Agreement version shown", None))
#endif // QT_CONFIG(accessibility)
        self.newVersionButton.setText(QCoreApplication.translate("AgreementPane", u"Star&t a new version", None))
#if QT_CONFIG(accessibility)
        self.newVersionButton.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Start a new version", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.newVersionButton.setToolTip(QCoreApplication.translate("AgreementPane", u"Make a draft copy of the signed agreement to change and sign again. The signed version stays as it is.", None))
#endif // QT_CONFIG(tooltip)
        self.discardButton.setText(QCoreApplication.translate("AgreementPane", u"D&iscard draft", None))
#if QT_CONFIG(accessibility)
        self.discardButton.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Discard draft", None))
#endif // QT_CONFIG(accessibility)
        self.previewButton.setText(QCoreApplication.translate("AgreementPane", u"Preview PDF", None))
#if QT_CONFIG(accessibility)
        self.previewButton.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Preview PDF", None))
#endif // QT_CONFIG(accessibility)
        self.printButton.setText(QCoreApplication.translate("AgreementPane", u"Print\u2026", None))
#if QT_CONFIG(accessibility)
        self.printButton.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Print", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(shortcut)
        self.printButton.setShortcut(QCoreApplication.translate("AgreementPane", u"Ctrl+P", None))
#endif // QT_CONFIG(shortcut)
        self.saveCopyButton.setText(QCoreApplication.translate("AgreementPane", u"Save a copy\u2026", None))
#if QT_CONFIG(accessibility)
        self.saveCopyButton.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Save a copy", None))
#endif // QT_CONFIG(accessibility)
        self.state.setText("")
        self.stateDetail.setText("")
        self.message.setText("")
        self.agreedOnLabel.setText(QCoreApplication.translate("AgreementPane", u"A&greed on", None))
#if QT_CONFIG(accessibility)
        self.agreedOn.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Agreed on", None))
#endif // QT_CONFIG(accessibility)
        self.reviewCheck.setText(QCoreApplication.translate("AgreementPane", u"Review &date", None))
#if QT_CONFIG(accessibility)
        self.reviewCheck.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Has a review date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.reviewOn.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Review date", None))
#endif // QT_CONFIG(accessibility)
        self.summaryLabel.setText(QCoreApplication.translate("AgreementPane", u"Summar&y (optional, printed above the actions)", None))
#if QT_CONFIG(accessibility)
        self.summary.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Summary", None))
#endif // QT_CONFIG(accessibility)
        self.summary.setPlaceholderText(QCoreApplication.translate("AgreementPane", u"For example: both households agree to the following to keep the peace.", None))
        self.actionsLabel.setText(QCoreApplication.translate("AgreementPane", u"A&ctions: who does what, by when", None))
#if QT_CONFIG(accessibility)
        self.actionsView.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Actions: who does what, by when", None))
#endif // QT_CONFIG(accessibility)
        self.addActionButton.setText(QCoreApplication.translate("AgreementPane", u"&Add action", None))
#if QT_CONFIG(accessibility)
        self.addActionButton.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Add action", None))
#endif // QT_CONFIG(accessibility)
        self.removeActionButton.setText(QCoreApplication.translate("AgreementPane", u"Re&move action", None))
#if QT_CONFIG(accessibility)
        self.removeActionButton.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Remove action", None))
#endif // QT_CONFIG(accessibility)
        self.moveUpButton.setText(QCoreApplication.translate("AgreementPane", u"Move up", None))
#if QT_CONFIG(accessibility)
        self.moveUpButton.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Move up", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.moveUpButton.setAccessibleDescription(QCoreApplication.translate("AgreementPane", u"Move the chosen action up the list", None))
#endif // QT_CONFIG(accessibility)
        self.moveDownButton.setText(QCoreApplication.translate("AgreementPane", u"Move down", None))
#if QT_CONFIG(accessibility)
        self.moveDownButton.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Move down", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.moveDownButton.setAccessibleDescription(QCoreApplication.translate("AgreementPane", u"Move the chosen action down the list", None))
#endif // QT_CONFIG(accessibility)
        self.whoLabel.setText(QCoreApplication.translate("AgreementPane", u"W&ho", None))
#if QT_CONFIG(accessibility)
        self.who.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Who does it", None))
#endif // QT_CONFIG(accessibility)
        self.dueLabel.setText(QCoreApplication.translate("AgreementPane", u"&By when", None))
#if QT_CONFIG(accessibility)
        self.due.setAccessibleName(QCoreApplication.translate("AgreementPane", u"By when", None))
#endif // QT_CONFIG(accessibility)
        self.ongoing.setText(QCoreApplication.translate("AgreementPane", u"&Ongoing", None))
#if QT_CONFIG(accessibility)
        self.ongoing.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Ongoing, no date", None))
#endif // QT_CONFIG(accessibility)
        self.whatLabel.setText(QCoreApplication.translate("AgreementPane", u"&What", None))
#if QT_CONFIG(accessibility)
        self.what.setAccessibleName(QCoreApplication.translate("AgreementPane", u"What will be done", None))
#endif // QT_CONFIG(accessibility)
        self.what.setPlaceholderText(QCoreApplication.translate("AgreementPane", u"What will be done, in the words agreed", None))
        self.statusLabel.setText(QCoreApplication.translate("AgreementPane", u"St&atus", None))
#if QT_CONFIG(accessibility)
        self.status.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Status of the action", None))
#endif // QT_CONFIG(accessibility)
        self.checkedOnLabel.setText(QCoreApplication.translate("AgreementPane", u"Chec&ked on", None))
#if QT_CONFIG(accessibility)
        self.checkedOn.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Checked on", None))
#endif // QT_CONFIG(accessibility)
        self.noteLabel.setText(QCoreApplication.translate("AgreementPane", u"Not&e", None))
#if QT_CONFIG(accessibility)
        self.note.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Follow-up note", None))
#endif // QT_CONFIG(accessibility)
        self.note.setPlaceholderText(QCoreApplication.translate("AgreementPane", u"How it was checked, or what happened", None))
        self.recordCheckButton.setText(QCoreApplication.translate("AgreementPane", u"Record &follow-up", None))
#if QT_CONFIG(accessibility)
        self.recordCheckButton.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Record follow-up", None))
#endif // QT_CONFIG(accessibility)
        self.dirtyLabel.setText("")
        self.saveButton.setText(QCoreApplication.translate("AgreementPane", u"Save dra&ft", None))
#if QT_CONFIG(accessibility)
        self.saveButton.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Save draft", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("AgreementPane", u"Save the draft agreement (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
        self.signaturesLabel.setText(QCoreApplication.translate("AgreementPane", u"Signatu&res", None))
#if QT_CONFIG(accessibility)
        self.signaturesView.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Signatures", None))
#endif // QT_CONFIG(accessibility)
        self.screenButton.setText(QCoreApplication.translate("AgreementPane", u"Sign on &screen\u2026", None))
#if QT_CONFIG(accessibility)
        self.screenButton.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Sign on screen", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.screenButton.setToolTip(QCoreApplication.translate("AgreementPane", u"The selected person signs on this laptop with the mouse, a pen or a finger (dated today)", None))
#endif // QT_CONFIG(tooltip)
        self.withdrawButton.setText(QCoreApplication.translate("AgreementPane", u"Withdraw signat&ure\u2026", None))
#if QT_CONFIG(accessibility)
        self.withdrawButton.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Withdraw signature", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.withdrawButton.setToolTip(QCoreApplication.translate("AgreementPane", u"Take back the selected person's signature, with the reason, while others have still to sign", None))
#endif // QT_CONFIG(tooltip)
        self.paperButton.setText(QCoreApplication.translate("AgreementPane", u"Signed on &paper", None))
#if QT_CONFIG(accessibility)
        self.paperButton.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Signed on paper", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.paperButton.setToolTip(QCoreApplication.translate("AgreementPane", u"The selected person signed the printed agreement on the date given", None))
#endif // QT_CONFIG(tooltip)
        self.signedOnLabel.setText(QCoreApplication.translate("AgreementPane", u"dat&ed", None))
#if QT_CONFIG(accessibility)
        self.signedOn.setAccessibleName(QCoreApplication.translate("AgreementPane", u"Dated, signed on paper", None))
#endif // QT_CONFIG(accessibility)
        self.signHint.setText("")
    # retranslateUi

