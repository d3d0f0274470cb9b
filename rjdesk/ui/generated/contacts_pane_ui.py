# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contacts_pane.ui'
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
    QFrame, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QListView, QPlainTextEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSplitter,
    QTimeEdit, QVBoxLayout, QWidget)

from rjdesk.ui.toolkit.date_field import DateField

class Ui_ContactsPane(object):
    def setupUi(self, ContactsPane):
        if not ContactsPane.objectName():
            ContactsPane.setObjectName(u"ContactsPane")
        self.layout = QVBoxLayout(ContactsPane)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(ContactsPane)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.timelineColumn = QWidget(self.splitter)
        self.timelineColumn.setObjectName(u"timelineColumn")
        self.timelineLayout = QVBoxLayout(self.timelineColumn)
        self.timelineLayout.setSpacing(6)
        self.timelineLayout.setObjectName(u"timelineLayout")
        self.timelineLayout.setContentsMargins(6, 6, 10, 6)
        self.timelineTop = QHBoxLayout()
        self.timelineTop.setObjectName(u"timelineTop")
        self.timelineLabel = QLabel(self.timelineColumn)
        self.timelineLabel.setObjectName(u"timelineLabel")

        self.timelineTop.addWidget(self.timelineLabel)

        self.timelineSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timelineTop.addItem(self.timelineSpacer)

        self.addendumButton = QPushButton(self.timelineColumn)
        self.addendumButton.setObjectName(u"addendumButton")

        self.timelineTop.addWidget(self.addendumButton)


        self.timelineLayout.addLayout(self.timelineTop)

        self.timeline = QListView(self.timelineColumn)
        self.timeline.setObjectName(u"timeline")
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.timeline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.timeline.setResizeMode(QListView.ResizeMode.Adjust)
        self.timeline.setSpacing(2)
        self.timeline.setWordWrap(True)
        self.timeline.setAlternatingRowColors(True)

        self.timelineLayout.addWidget(self.timeline)

        self.splitter.addWidget(self.timelineColumn)
        self.newScroll = QScrollArea(self.splitter)
        self.newScroll.setObjectName(u"newScroll")
        self.newScroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.newScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.newScroll.setWidgetResizable(True)
        self.newScroll.setMinimumSize(QSize(360, 0))
        self.newContents = QWidget()
        self.newContents.setObjectName(u"newContents")
        self.newLayout = QVBoxLayout(self.newContents)
        self.newLayout.setSpacing(6)
        self.newLayout.setObjectName(u"newLayout")
        self.newLayout.setContentsMargins(10, 6, 6, 6)
        self.newHeading = QLabel(self.newContents)
        self.newHeading.setObjectName(u"newHeading")

        self.newLayout.addWidget(self.newHeading)

        self.newForm = QFormLayout()
        self.newForm.setObjectName(u"newForm")
        self.newForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.kindLabel = QLabel(self.newContents)
        self.kindLabel.setObjectName(u"kindLabel")

        self.newForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kind = QComboBox(self.newContents)
        self.kind.setObjectName(u"kind")

        self.newForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind)

        self.whenLabel = QLabel(self.newContents)
        self.whenLabel.setObjectName(u"whenLabel")

        self.newForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.whenLabel)

        self.whenLayout = QHBoxLayout()
        self.whenLayout.setObjectName(u"whenLayout")
        self.date = DateField(self.newContents)
        self.date.setObjectName(u"date")

        self.whenLayout.addWidget(self.date)

        self.time = QTimeEdit(self.newContents)
        self.time.setObjectName(u"time")
        self.time.setDisplayFormat(u"HH:mm")

        self.whenLayout.addWidget(self.time)

        self.whenSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.whenLayout.addItem(self.whenSpacer)


        self.newForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.whenLayout)

        self.whereLabel = QLabel(self.newContents)
        self.whereLabel.setObjectName(u"whereLabel")

        self.newForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.whereLabel)

        self.location = QLineEdit(self.newContents)
        self.location.setObjectName(u"location")

        self.newForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.location)

        self.presentLabel = QLabel(self.newContents)
        self.presentLabel.setObjectName(u"presentLabel")

        self.newForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.presentLabel)

        self.presentBox = QWidget(self.newContents)
        self.presentBox.setObjectName(u"presentBox")
        self.presentLayout = QGridLayout(self.presentBox)
        self.presentLayout.setObjectName(u"presentLayout")
        self.presentLayout.setHorizontalSpacing(12)
        self.presentLayout.setVerticalSpacing(2)
        self.presentLayout.setContentsMargins(0, 0, 0, 0)

        self.newForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.presentBox)

        self.notesLabel = QLabel(self.newContents)
        self.notesLabel.setObjectName(u"notesLabel")

        self.newForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notes = QPlainTextEdit(self.newContents)
        self.notes.setObjectName(u"notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumSize(QSize(0, 110))

        self.newForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.notes)

        self.nextStepsLabel = QLabel(self.newContents)
        self.nextStepsLabel.setObjectName(u"nextStepsLabel")

        self.newForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.nextStepsLabel)

        self.nextSteps = QPlainTextEdit(self.newContents)
        self.nextSteps.setObjectName(u"nextSteps")
        self.nextSteps.setTabChangesFocus(True)
        self.nextSteps.setMinimumSize(QSize(0, 48))
        self.nextSteps.setMaximumSize(QSize(16777215, 72))

        self.newForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.nextSteps)


        self.newLayout.addLayout(self.newForm)

        self.interventionHint = QLabel(self.newContents)
        self.interventionHint.setObjectName(u"interventionHint")
        self.interventionHint.setWordWrap(True)

        self.newLayout.addWidget(self.interventionHint)

        self.message = QLabel(self.newContents)
        self.message.setObjectName(u"message")
        self.message.setText(u"")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.newLayout.addWidget(self.message)

        self.newButtons = QHBoxLayout()
        self.newButtons.setObjectName(u"newButtons")
        self.newButtonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.newButtons.addItem(self.newButtonSpacer)

        self.saveButton = QPushButton(self.newContents)
        self.saveButton.setObjectName(u"saveButton")

        self.newButtons.addWidget(self.saveButton)


        self.newLayout.addLayout(self.newButtons)

        self.newScroll.setWidget(self.newContents)
        self.splitter.addWidget(self.newScroll)

        self.layout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.timelineLabel.setBuddy(self.timeline)
        self.kindLabel.setBuddy(self.kind)
        self.whenLabel.setBuddy(self.date)
        self.whereLabel.setBuddy(self.location)
        self.presentLabel.setBuddy(self.presentBox)
        self.notesLabel.setBuddy(self.notes)
        self.nextStepsLabel.setBuddy(self.nextSteps)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.timeline, self.addendumButton)
        QWidget.setTabOrder(self.addendumButton, self.kind)
        QWidget.setTabOrder(self.kind, self.date)
        QWidget.setTabOrder(self.date, self.time)
        QWidget.setTabOrder(self.time, self.location)
        QWidget.setTabOrder(self.location, self.notes)
        QWidget.setTabOrder(self.notes, self.nextSteps)
        QWidget.setTabOrder(self.nextSteps, self.saveButton)

        self.retranslateUi(ContactsPane)

        QMetaObject.connectSlotsByName(ContactsPane)
    # setupUi

    def retranslateUi(self, ContactsPane):
#if QT_CONFIG(accessibility)
        ContactsPane.setAccessibleName(QCoreApplication.translate("ContactsPane", u"Contacts and notes", None))
#endif // QT_CONFIG(accessibility)
        self.timelineLabel.setText(QCoreApplication.translate("ContactsPane", u"&Timeline, newest first", None))
        self.addendumButton.setText(QCoreApplication.translate("ContactsPane", u"Add &addendum\u2026", None))
#if QT_CONFIG(tooltip)
        self.addendumButton.setToolTip(QCoreApplication.translate("ContactsPane", u"Add to the selected note; the original stays as it was written", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.addendumButton.setAccessibleName(QCoreApplication.translate("ContactsPane", u"Add addendum to the selected contact", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.timeline.setAccessibleName(QCoreApplication.translate("ContactsPane", u"Timeline, newest first", None))
#endif // QT_CONFIG(accessibility)
        self.newHeading.setText(QCoreApplication.translate("ContactsPane", u"New contact", None))
        self.kindLabel.setText(QCoreApplication.translate("ContactsPane", u"&Kind", None))
#if QT_CONFIG(accessibility)
        self.kind.setAccessibleName(QCoreApplication.translate("ContactsPane", u"Kind of contact", None))
#endif // QT_CONFIG(accessibility)
        self.whenLabel.setText(QCoreApplication.translate("ContactsPane", u"W&hen", None))
#if QT_CONFIG(accessibility)
        self.date.setAccessibleName(QCoreApplication.translate("ContactsPane", u"When the contact happened", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.time.setAccessibleName(QCoreApplication.translate("ContactsPane", u"Time of the contact, UK time", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.time.setToolTip(QCoreApplication.translate("ContactsPane", u"UK time (as on a clock in England and Wales)", None))
#endif // QT_CONFIG(tooltip)
        self.whereLabel.setText(QCoreApplication.translate("ContactsPane", u"Whe&re", None))
#if QT_CONFIG(accessibility)
        self.location.setAccessibleName(QCoreApplication.translate("ContactsPane", u"Where", None))
#endif // QT_CONFIG(accessibility)
        self.location.setPlaceholderText(QCoreApplication.translate("ContactsPane", u"e.g. their home, the community centre, by phone", None))
        self.presentLabel.setText(QCoreApplication.translate("ContactsPane", u"&Present", None))
#if QT_CONFIG(accessibility)
        self.presentBox.setAccessibleName(QCoreApplication.translate("ContactsPane", u"Who was present", None))
#endif // QT_CONFIG(accessibility)
        self.notesLabel.setText(QCoreApplication.translate("ContactsPane", u"&Notes", None))
#if QT_CONFIG(accessibility)
        self.notes.setAccessibleName(QCoreApplication.translate("ContactsPane", u"Notes: what happened", None))
#endif // QT_CONFIG(accessibility)
        self.notes.setPlaceholderText(QCoreApplication.translate("ContactsPane", u"What happened and what was said. Once saved, a note is never changed: add an addendum instead.", None))
        self.nextStepsLabel.setText(QCoreApplication.translate("ContactsPane", u"Ne&xt steps", None))
#if QT_CONFIG(accessibility)
        self.nextSteps.setAccessibleName(QCoreApplication.translate("ContactsPane", u"Next steps", None))
#endif // QT_CONFIG(accessibility)
        self.interventionHint.setText(QCoreApplication.translate("ContactsPane", u"A conference or shuttle work needs a completed risk assessment and the consent of everyone present (and a parent's or carer's for anyone under 18).", None))
        self.saveButton.setText(QCoreApplication.translate("ContactsPane", u"&Save contact", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("ContactsPane", u"Save this contact (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.saveButton.setAccessibleName(QCoreApplication.translate("ContactsPane", u"Save contact", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

