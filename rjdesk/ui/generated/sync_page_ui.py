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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QProgressBar, QPushButton, QSizePolicy,
    QSpacerItem, QStackedWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_SyncPage(object):
    def setupUi(self, SyncPage):
        if not SyncPage.objectName():
            SyncPage.setObjectName(u"SyncPage")
        self.layout = QVBoxLayout(SyncPage)
        self.layout.setSpacing(8)
        self.layout.setObjectName(u"layout")
        self.title = QLabel(SyncPage)
        self.title.setObjectName(u"title")

        self.layout.addWidget(self.title)

        self.states = QStackedWidget(SyncPage)
        self.states.setObjectName(u"states")
        self.notEnrolled = QWidget()
        self.notEnrolled.setObjectName(u"notEnrolled")
        self.notEnrolledLayout = QVBoxLayout(self.notEnrolled)
        self.notEnrolledLayout.setSpacing(10)
        self.notEnrolledLayout.setObjectName(u"notEnrolledLayout")
        self.notEnrolledLayout.setContentsMargins(0, 0, 0, 0)
        self.intro = QLabel(self.notEnrolled)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.notEnrolledLayout.addWidget(self.intro)

        self.enrolIntro = QLabel(self.notEnrolled)
        self.enrolIntro.setObjectName(u"enrolIntro")
        self.enrolIntro.setWordWrap(True)

        self.notEnrolledLayout.addWidget(self.enrolIntro)

        self.codeBox = QGroupBox(self.notEnrolled)
        self.codeBox.setObjectName(u"codeBox")
        self.codeBoxLayout = QVBoxLayout(self.codeBox)
        self.codeBoxLayout.setObjectName(u"codeBoxLayout")
        self.codeHelp = QLabel(self.codeBox)
        self.codeHelp.setObjectName(u"codeHelp")
        self.codeHelp.setWordWrap(True)

        self.codeBoxLayout.addWidget(self.codeHelp)

        self.codeForm = QFormLayout()
        self.codeForm.setObjectName(u"codeForm")
        self.hubUrlLabel = QLabel(self.codeBox)
        self.hubUrlLabel.setObjectName(u"hubUrlLabel")

        self.codeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.hubUrlLabel)

        self.hubUrlEdit = QLineEdit(self.codeBox)
        self.hubUrlEdit.setObjectName(u"hubUrlEdit")

        self.codeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.hubUrlEdit)

        self.codeLabel = QLabel(self.codeBox)
        self.codeLabel.setObjectName(u"codeLabel")

        self.codeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeEdit = QLineEdit(self.codeBox)
        self.codeEdit.setObjectName(u"codeEdit")
        self.codeEdit.setMaxLength(40)

        self.codeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.codeEdit)

        self.codeMessage = QLabel(self.codeBox)
        self.codeMessage.setObjectName(u"codeMessage")
        self.codeMessage.setText(u"")
        self.codeMessage.setWordWrap(True)

        self.codeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.codeMessage)


        self.codeBoxLayout.addLayout(self.codeForm)

        self.codeRow = QHBoxLayout()
        self.codeRow.setObjectName(u"codeRow")
        self.enrolButton = QPushButton(self.codeBox)
        self.enrolButton.setObjectName(u"enrolButton")

        self.codeRow.addWidget(self.enrolButton)

        self.codeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.codeRow.addItem(self.codeSpacer)


        self.codeBoxLayout.addLayout(self.codeRow)


        self.notEnrolledLayout.addWidget(self.codeBox)

        self.requestBox = QGroupBox(self.notEnrolled)
        self.requestBox.setObjectName(u"requestBox")
        self.requestLayout = QVBoxLayout(self.requestBox)
        self.requestLayout.setObjectName(u"requestLayout")
        self.requestHelp = QLabel(self.requestBox)
        self.requestHelp.setObjectName(u"requestHelp")
        self.requestHelp.setWordWrap(True)

        self.requestLayout.addWidget(self.requestHelp)

        self.requestRow = QHBoxLayout()
        self.requestRow.setObjectName(u"requestRow")
        self.requestButton = QPushButton(self.requestBox)
        self.requestButton.setObjectName(u"requestButton")

        self.requestRow.addWidget(self.requestButton)

        self.requestSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.requestRow.addItem(self.requestSpacer)


        self.requestLayout.addLayout(self.requestRow)


        self.notEnrolledLayout.addWidget(self.requestBox)

        self.importBox = QGroupBox(self.notEnrolled)
        self.importBox.setObjectName(u"importBox")
        self.importLayout = QVBoxLayout(self.importBox)
        self.importLayout.setObjectName(u"importLayout")
        self.importHelp = QLabel(self.importBox)
        self.importHelp.setObjectName(u"importHelp")
        self.importHelp.setWordWrap(True)

        self.importLayout.addWidget(self.importHelp)

        self.importRow = QHBoxLayout()
        self.importRow.setObjectName(u"importRow")
        self.importButton = QPushButton(self.importBox)
        self.importButton.setObjectName(u"importButton")

        self.importRow.addWidget(self.importButton)

        self.importSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.importRow.addItem(self.importSpacer)


        self.importLayout.addLayout(self.importRow)


        self.notEnrolledLayout.addWidget(self.importBox)

        self.enrolMessage = QLabel(self.notEnrolled)
        self.enrolMessage.setObjectName(u"enrolMessage")
        self.enrolMessage.setText(u"")
        self.enrolMessage.setWordWrap(True)

        self.notEnrolledLayout.addWidget(self.enrolMessage)

        self.notEnrolledSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.notEnrolledLayout.addItem(self.notEnrolledSpacer)

        self.states.addWidget(self.notEnrolled)
        self.enrolled = QWidget()
        self.enrolled.setObjectName(u"enrolled")
        self.enrolledLayout = QVBoxLayout(self.enrolled)
        self.enrolledLayout.setSpacing(8)
        self.enrolledLayout.setObjectName(u"enrolledLayout")
        self.enrolledLayout.setContentsMargins(0, 0, 0, 0)
        self.hubBox = QGroupBox(self.enrolled)
        self.hubBox.setObjectName(u"hubBox")
        self.hubForm = QFormLayout(self.hubBox)
        self.hubForm.setObjectName(u"hubForm")
        self.hubLabel = QLabel(self.hubBox)
        self.hubLabel.setObjectName(u"hubLabel")

        self.hubForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.hubLabel)

        self.hub = QLabel(self.hubBox)
        self.hub.setObjectName(u"hub")
        self.hub.setText(u"")
        self.hub.setWordWrap(True)
        self.hub.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.hubForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.hub)

        self.connectionLabel = QLabel(self.hubBox)
        self.connectionLabel.setObjectName(u"connectionLabel")

        self.hubForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.connectionLabel)

        self.connection = QLabel(self.hubBox)
        self.connection.setObjectName(u"connection")
        self.connection.setText(u"")
        self.connection.setWordWrap(True)

        self.hubForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.connection)

        self.waitingLabel = QLabel(self.hubBox)
        self.waitingLabel.setObjectName(u"waitingLabel")

        self.hubForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.waitingLabel)

        self.waiting = QLabel(self.hubBox)
        self.waiting.setObjectName(u"waiting")
        self.waiting.setText(u"")
        self.waiting.setWordWrap(True)

        self.hubForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.waiting)

        self.setAsideLabel = QLabel(self.hubBox)
        self.setAsideLabel.setObjectName(u"setAsideLabel")

        self.hubForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.setAsideLabel)

        self.setAside = QLabel(self.hubBox)
        self.setAside.setObjectName(u"setAside")
        self.setAside.setText(u"")
        self.setAside.setWordWrap(True)
        self.setAside.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.hubForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.setAside)

        self.lastSyncLabel = QLabel(self.hubBox)
        self.lastSyncLabel.setObjectName(u"lastSyncLabel")

        self.hubForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lastSyncLabel)

        self.lastSync = QLabel(self.hubBox)
        self.lastSync.setObjectName(u"lastSync")
        self.lastSync.setText(u"")
        self.lastSync.setWordWrap(True)

        self.hubForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.lastSync)


        self.enrolledLayout.addWidget(self.hubBox)

        self.actionsRow = QHBoxLayout()
        self.actionsRow.setObjectName(u"actionsRow")
        self.syncButton = QPushButton(self.enrolled)
        self.syncButton.setObjectName(u"syncButton")

        self.actionsRow.addWidget(self.syncButton)

        self.progress = QProgressBar(self.enrolled)
        self.progress.setObjectName(u"progress")
        self.progress.setTextVisible(False)
        self.progress.setMaximum(0)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.progress.sizePolicy().hasHeightForWidth())
        self.progress.setSizePolicy(sizePolicy)

        self.actionsRow.addWidget(self.progress)

        self.activity = QLabel(self.enrolled)
        self.activity.setObjectName(u"activity")
        self.activity.setText(u"")

        self.actionsRow.addWidget(self.activity)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsRow.addItem(self.actionsSpacer)

        self.exportButton = QPushButton(self.enrolled)
        self.exportButton.setObjectName(u"exportButton")

        self.actionsRow.addWidget(self.exportButton)


        self.enrolledLayout.addLayout(self.actionsRow)

        self.exportHelp = QLabel(self.enrolled)
        self.exportHelp.setObjectName(u"exportHelp")
        self.exportHelp.setWordWrap(True)

        self.enrolledLayout.addWidget(self.exportHelp)

        self.message = QLabel(self.enrolled)
        self.message.setObjectName(u"message")
        self.message.setText(u"")
        self.message.setWordWrap(True)

        self.enrolledLayout.addWidget(self.message)

        self.conflictsBox = QGroupBox(self.enrolled)
        self.conflictsBox.setObjectName(u"conflictsBox")
        self.conflictsLayout = QVBoxLayout(self.conflictsBox)
        self.conflictsLayout.setObjectName(u"conflictsLayout")
        self.noConflicts = QLabel(self.conflictsBox)
        self.noConflicts.setObjectName(u"noConflicts")
        self.noConflicts.setWordWrap(True)

        self.conflictsLayout.addWidget(self.noConflicts)

        self.conflictsHelp = QLabel(self.conflictsBox)
        self.conflictsHelp.setObjectName(u"conflictsHelp")
        self.conflictsHelp.setWordWrap(True)

        self.conflictsLayout.addWidget(self.conflictsHelp)

        self.conflictsLabel = QLabel(self.conflictsBox)
        self.conflictsLabel.setObjectName(u"conflictsLabel")

        self.conflictsLayout.addWidget(self.conflictsLabel)

        self.conflicts = QTableView(self.conflictsBox)
        self.conflicts.setObjectName(u"conflicts")
        self.conflicts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflicts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflicts.setTabKeyNavigation(False)
        self.conflicts.horizontalHeader().setStretchLastSection(True)
        self.conflicts.verticalHeader().setVisible(False)

        self.conflictsLayout.addWidget(self.conflicts)

        self.conflictWhat = QLabel(self.conflictsBox)
        self.conflictWhat.setObjectName(u"conflictWhat")
        self.conflictWhat.setText(u"")
        self.conflictWhat.setWordWrap(True)

        self.conflictsLayout.addWidget(self.conflictWhat)

        self.sides = QWidget(self.conflictsBox)
        self.sides.setObjectName(u"sides")
        self.sidesLayout = QHBoxLayout(self.sides)
        self.sidesLayout.setObjectName(u"sidesLayout")
        self.sidesLayout.setContentsMargins(0, 0, 0, 0)
        self.hubSide = QVBoxLayout()
        self.hubSide.setObjectName(u"hubSide")
        self.hubValueLabel = QLabel(self.sides)
        self.hubValueLabel.setObjectName(u"hubValueLabel")

        self.hubSide.addWidget(self.hubValueLabel)

        self.hubValue = QPlainTextEdit(self.sides)
        self.hubValue.setObjectName(u"hubValue")
        self.hubValue.setReadOnly(True)
        self.hubValue.setTabChangesFocus(True)

        self.hubSide.addWidget(self.hubValue)


        self.sidesLayout.addLayout(self.hubSide)

        self.incomingSide = QVBoxLayout()
        self.incomingSide.setObjectName(u"incomingSide")
        self.incomingValueLabel = QLabel(self.sides)
        self.incomingValueLabel.setObjectName(u"incomingValueLabel")

        self.incomingSide.addWidget(self.incomingValueLabel)

        self.incomingValue = QPlainTextEdit(self.sides)
        self.incomingValue.setObjectName(u"incomingValue")
        self.incomingValue.setReadOnly(True)
        self.incomingValue.setTabChangesFocus(True)

        self.incomingSide.addWidget(self.incomingValue)


        self.sidesLayout.addLayout(self.incomingSide)


        self.conflictsLayout.addWidget(self.sides)

        self.noteRow = QWidget(self.conflictsBox)
        self.noteRow.setObjectName(u"noteRow")
        self.noteLayout = QHBoxLayout(self.noteRow)
        self.noteLayout.setObjectName(u"noteLayout")
        self.noteLayout.setContentsMargins(0, 0, 0, 0)
        self.noteLabel = QLabel(self.noteRow)
        self.noteLabel.setObjectName(u"noteLabel")

        self.noteLayout.addWidget(self.noteLabel)

        self.note = QLineEdit(self.noteRow)
        self.note.setObjectName(u"note")
        self.note.setMaxLength(1000)

        self.noteLayout.addWidget(self.note)


        self.conflictsLayout.addWidget(self.noteRow)

        self.choiceRow = QHBoxLayout()
        self.choiceRow.setObjectName(u"choiceRow")
        self.keepHubButton = QPushButton(self.conflictsBox)
        self.keepHubButton.setObjectName(u"keepHubButton")

        self.choiceRow.addWidget(self.keepHubButton)

        self.takeIncomingButton = QPushButton(self.conflictsBox)
        self.takeIncomingButton.setObjectName(u"takeIncomingButton")

        self.choiceRow.addWidget(self.takeIncomingButton)

        self.dealtButton = QPushButton(self.conflictsBox)
        self.dealtButton.setObjectName(u"dealtButton")

        self.choiceRow.addWidget(self.dealtButton)

        self.choiceSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.choiceRow.addItem(self.choiceSpacer)

        self.openCaseButton = QPushButton(self.conflictsBox)
        self.openCaseButton.setObjectName(u"openCaseButton")

        self.choiceRow.addWidget(self.openCaseButton)


        self.conflictsLayout.addLayout(self.choiceRow)

        self.conflictMessage = QLabel(self.conflictsBox)
        self.conflictMessage.setObjectName(u"conflictMessage")
        self.conflictMessage.setText(u"")
        self.conflictMessage.setWordWrap(True)

        self.conflictsLayout.addWidget(self.conflictMessage)

        self.conflictsLayout.setStretch(3, 2)
        self.conflictsLayout.setStretch(5, 3)

        self.enrolledLayout.addWidget(self.conflictsBox)

        self.enrolledSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.enrolledLayout.addItem(self.enrolledSpacer)

        self.states.addWidget(self.enrolled)

        self.layout.addWidget(self.states)

#if QT_CONFIG(shortcut)
        self.hubUrlLabel.setBuddy(self.hubUrlEdit)
        self.codeLabel.setBuddy(self.codeEdit)
        self.conflictsLabel.setBuddy(self.conflicts)
        self.hubValueLabel.setBuddy(self.hubValue)
        self.incomingValueLabel.setBuddy(self.incomingValue)
        self.noteLabel.setBuddy(self.note)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.hubUrlEdit, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.enrolButton)
        QWidget.setTabOrder(self.enrolButton, self.requestButton)
        QWidget.setTabOrder(self.requestButton, self.importButton)
        QWidget.setTabOrder(self.importButton, self.syncButton)
        QWidget.setTabOrder(self.syncButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.conflicts)
        QWidget.setTabOrder(self.conflicts, self.hubValue)
        QWidget.setTabOrder(self.hubValue, self.incomingValue)
        QWidget.setTabOrder(self.incomingValue, self.note)
        QWidget.setTabOrder(self.note, self.keepHubButton)
        QWidget.setTabOrder(self.keepHubButton, self.takeIncomingButton)
        QWidget.setTabOrder(self.takeIncomingButton, self.dealtButton)
        QWidget.setTabOrder(self.dealtButton, self.openCaseButton)

        self.retranslateUi(SyncPage)

        self.syncButton.setDefault(True)


        QMetaObject.connectSlotsByName(SyncPage)
    # setupUi

    def retranslateUi(self, SyncPage):
#if QT_CONFIG(accessibility)
        SyncPage.setAccessibleName(QCoreApplication.translate("SyncPage", u"Sync", None))
#endif // QT_CONFIG(accessibility)
        self.title.setText(QCoreApplication.translate("SyncPage", u"Sync with the hub", None))
#if QT_CONFIG(accessibility)
        self.states.setAccessibleName(QCoreApplication.translate("SyncPage", u"Sync", None))
#endif // QT_CONFIG(accessibility)
        self.intro.setText(QCoreApplication.translate("SyncPage", u"This laptop is not connected to a hub. Your cases are kept on this laptop only, encrypted, and nothing is sent anywhere.", None))
        self.enrolIntro.setText(QCoreApplication.translate("SyncPage", u"Enrolment connects this laptop to your restorative justice hub. Once enrolled, your work reaches the hub coordinator whenever the laptop is online, and cases assigned to you arrive here. Enrol with a code from your coordinator, or by exchanging two files.", None))
        self.codeBox.setTitle(QCoreApplication.translate("SyncPage", u"Enrol with a code from your coordinator", None))
        self.codeHelp.setText(QCoreApplication.translate("SyncPage", u"Type the hub address and the one-time code your coordinator gave you. Capital or small letters, spaces and dashes do not matter.", None))
        self.hubUrlLabel.setText(QCoreApplication.translate("SyncPage", u"Hub a&ddress", None))
#if QT_CONFIG(accessibility)
        self.hubUrlEdit.setAccessibleName(QCoreApplication.translate("SyncPage", u"Hub address", None))
#endif // QT_CONFIG(accessibility)
        self.hubUrlEdit.setPlaceholderText(QCoreApplication.translate("SyncPage", u"https://hub.example.org", None))
        self.codeLabel.setText(QCoreApplication.translate("SyncPage", u"&Code", None))
#if QT_CONFIG(accessibility)
        self.codeEdit.setAccessibleName(QCoreApplication.translate("SyncPage", u"Code", None))
#endif // QT_CONFIG(accessibility)
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("SyncPage", u"K7QM-2XRD-9HVA", None))
        self.enrolButton.setText(QCoreApplication.translate("SyncPage", u"&Enrol", None))
#if QT_CONFIG(tooltip)
        self.enrolButton.setToolTip(QCoreApplication.translate("SyncPage", u"Enrol this laptop with the hub, using the code", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.enrolButton.setAccessibleName(QCoreApplication.translate("SyncPage", u"Enrol", None))
#endif // QT_CONFIG(accessibility)
        self.requestBox.setTitle(QCoreApplication.translate("SyncPage", u"Or by file, step 1: ask to join a hub", None))
        self.requestHelp.setText(QCoreApplication.translate("SyncPage", u"Save a request file and give it to your hub coordinator, by email or on a USB stick. It holds no case data: only your name and this laptop's public keys, signed by this laptop.", None))
        self.requestButton.setText(QCoreApplication.translate("SyncPage", u"&Ask to join a hub\u2026", None))
#if QT_CONFIG(tooltip)
        self.requestButton.setToolTip(QCoreApplication.translate("SyncPage", u"Save an enrolment request file for your hub coordinator", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.requestButton.setAccessibleName(QCoreApplication.translate("SyncPage", u"Ask to join a hub", None))
#endif // QT_CONFIG(accessibility)
        self.importBox.setTitle(QCoreApplication.translate("SyncPage", u"Step 2: import the hub's answer", None))
        self.importHelp.setText(QCoreApplication.translate("SyncPage", u"Your coordinator approves the request and sends back a hub configuration file. Open it here to finish: from then on this laptop syncs with that hub, and only that hub.", None))
        self.importButton.setText(QCoreApplication.translate("SyncPage", u"&Import hub configuration\u2026", None))
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("SyncPage", u"Open the hub configuration file your coordinator sent", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.importButton.setAccessibleName(QCoreApplication.translate("SyncPage", u"Import hub configuration", None))
#endif // QT_CONFIG(accessibility)
        self.hubBox.setTitle(QCoreApplication.translate("SyncPage", u"This laptop and the hub", None))
        self.hubLabel.setText(QCoreApplication.translate("SyncPage", u"Hub", None))
        self.connectionLabel.setText(QCoreApplication.translate("SyncPage", u"Connection", None))
        self.waitingLabel.setText(QCoreApplication.translate("SyncPage", u"Waiting to be sent", None))
        self.setAsideLabel.setText(QCoreApplication.translate("SyncPage", u"Set aside", None))
        self.lastSyncLabel.setText(QCoreApplication.translate("SyncPage", u"Last sync", None))
        self.syncButton.setText(QCoreApplication.translate("SyncPage", u"&Sync now", None))
#if QT_CONFIG(tooltip)
        self.syncButton.setToolTip(QCoreApplication.translate("SyncPage", u"Send your work to the hub and take its updates now (Ctrl+R)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.syncButton.setAccessibleName(QCoreApplication.translate("SyncPage", u"Sync now", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.progress.setAccessibleName(QCoreApplication.translate("SyncPage", u"Sync progress", None))
#endif // QT_CONFIG(accessibility)
        self.exportButton.setText(QCoreApplication.translate("SyncPage", u"E&xport for USB\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("SyncPage", u"Save everything the hub has not confirmed in one file, encrypted to the hub, to carry on a USB stick", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.exportButton.setAccessibleName(QCoreApplication.translate("SyncPage", u"Export for USB", None))
#endif // QT_CONFIG(accessibility)
        self.exportHelp.setText(QCoreApplication.translate("SyncPage", u"No network? Export for USB saves every change the hub has not confirmed in one file, encrypted to the hub: only the hub can open it, so it is safe to carry on a USB stick.", None))
        self.conflictsBox.setTitle(QCoreApplication.translate("SyncPage", u"Conflicts to resolve", None))
        self.noConflicts.setText(QCoreApplication.translate("SyncPage", u"No conflicts: nothing needs your choice.", None))
        self.conflictsHelp.setText(QCoreApplication.translate("SyncPage", u"Two laptops changed the same thing, or the merged case breaks a rule. The hub overwrote nothing.", None))
        self.conflictsLabel.setText(QCoreApplication.translate("SyncPage", u"&Choose what stands:", None))
#if QT_CONFIG(accessibility)
        self.conflicts.setAccessibleName(QCoreApplication.translate("SyncPage", u"Choose what stands: conflicts to resolve", None))
#endif // QT_CONFIG(accessibility)
        self.hubValueLabel.setText(QCoreApplication.translate("SyncPage", u"Kept at the &hub", None))
#if QT_CONFIG(accessibility)
        self.hubValue.setAccessibleName(QCoreApplication.translate("SyncPage", u"Kept at the hub", None))
#endif // QT_CONFIG(accessibility)
        self.incomingValueLabel.setText(QCoreApplication.translate("SyncPage", u"F&rom the other laptop", None))
#if QT_CONFIG(accessibility)
        self.incomingValue.setAccessibleName(QCoreApplication.translate("SyncPage", u"From the other laptop", None))
#endif // QT_CONFIG(accessibility)
        self.noteLabel.setText(QCoreApplication.translate("SyncPage", u"No&te for the hub (optional)", None))
#if QT_CONFIG(accessibility)
        self.note.setAccessibleName(QCoreApplication.translate("SyncPage", u"Note for the hub (optional)", None))
#endif // QT_CONFIG(accessibility)
        self.keepHubButton.setText(QCoreApplication.translate("SyncPage", u"&Keep the hub's value", None))
#if QT_CONFIG(accessibility)
        self.keepHubButton.setAccessibleName(QCoreApplication.translate("SyncPage", u"Keep the hub's value", None))
#endif // QT_CONFIG(accessibility)
        self.takeIncomingButton.setText(QCoreApplication.translate("SyncPage", u"&Take the other value", None))
#if QT_CONFIG(accessibility)
        self.takeIncomingButton.setAccessibleName(QCoreApplication.translate("SyncPage", u"Take the other laptop's value", None))
#endif // QT_CONFIG(accessibility)
        self.dealtButton.setText(QCoreApplication.translate("SyncPage", u"I have &dealt with this", None))
#if QT_CONFIG(accessibility)
        self.dealtButton.setAccessibleName(QCoreApplication.translate("SyncPage", u"I have dealt with this", None))
#endif // QT_CONFIG(accessibility)
        self.openCaseButton.setText(QCoreApplication.translate("SyncPage", u"&Open the case", None))
#if QT_CONFIG(tooltip)
        self.openCaseButton.setToolTip(QCoreApplication.translate("SyncPage", u"Open this conflict's case, to look at it or deal with it", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.openCaseButton.setAccessibleName(QCoreApplication.translate("SyncPage", u"Open the case", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

