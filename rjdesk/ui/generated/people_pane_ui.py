# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'people_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFormLayout, QFrame,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QSplitter,
    QTableView, QVBoxLayout, QWidget)

class Ui_PeoplePane(object):
    def setupUi(self, PeoplePane):
        if not PeoplePane.objectName():
            PeoplePane.setObjectName(u"PeoplePane")
        self.layout = QVBoxLayout(PeoplePane)
        self.layout.setSpacing(6)
        self.layout.setObjectName(u"layout")
        self.actions = QHBoxLayout()
        self.actions.setObjectName(u"actions")
        self.addButton = QPushButton(PeoplePane)
        self.addButton.setObjectName(u"addButton")

        self.actions.addWidget(self.addButton)

        self.editButton = QPushButton(PeoplePane)
        self.editButton.setObjectName(u"editButton")

        self.actions.addWidget(self.editButton)

        self.rjInfoButton = QPushButton(PeoplePane)
        self.rjInfoButton.setObjectName(u"rjInfoButton")

        self.actions.addWidget(self.rjInfoButton)

        self.removeButton = QPushButton(PeoplePane)
        self.removeButton.setObjectName(u"removeButton")

        self.actions.addWidget(self.removeButton)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions.addItem(self.actionsSpacer)


        self.layout.addLayout(self.actions)

        self.message = QLabel(PeoplePane)
        self.message.setObjectName(u"message")
        self.message.setText(u"")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.message)

        self.splitter = QSplitter(PeoplePane)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView(self.splitter)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setMinimumSize(QSize(0, 120))
        self.splitter.addWidget(self.table)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.detailsArea = QScrollArea(self.splitter)
        self.detailsArea.setObjectName(u"detailsArea")
        self.detailsArea.setWidgetResizable(True)
        self.detailsArea.setFrameShape(QFrame.Shape.NoFrame)
        self.detailsArea.setMinimumSize(QSize(0, 120))
        self.details = QWidget()
        self.details.setObjectName(u"details")
        self.detailsLayout = QVBoxLayout(self.details)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.detailsLayout.setContentsMargins(4, 8, 4, -1)
        self.personName = QLabel(self.details)
        self.personName.setObjectName(u"personName")
        self.personName.setText(u"")
        self.personName.setWordWrap(True)
        self.personName.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailsLayout.addWidget(self.personName)

        self.columns = QHBoxLayout()
        self.columns.setSpacing(24)
        self.columns.setObjectName(u"columns")
        self.contactForm = QFormLayout()
        self.contactForm.setObjectName(u"contactForm")
        self.contactForm.setVerticalSpacing(6)
        self.contactForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.roleCaption = QLabel(self.details)
        self.roleCaption.setObjectName(u"roleCaption")

        self.contactForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.roleCaption)

        self.role = QLabel(self.details)
        self.role.setObjectName(u"role")
        self.role.setText(u"")
        self.role.setWordWrap(True)
        self.role.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.contactForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.role)

        self.dateOfBirthCaption = QLabel(self.details)
        self.dateOfBirthCaption.setObjectName(u"dateOfBirthCaption")

        self.contactForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateOfBirthCaption)

        self.dateOfBirth = QLabel(self.details)
        self.dateOfBirth.setObjectName(u"dateOfBirth")
        self.dateOfBirth.setText(u"")
        self.dateOfBirth.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.contactForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateOfBirth)

        self.phoneCaption = QLabel(self.details)
        self.phoneCaption.setObjectName(u"phoneCaption")

        self.contactForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phoneCaption)

        self.phone = QLabel(self.details)
        self.phone.setObjectName(u"phone")
        self.phone.setText(u"")
        self.phone.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.contactForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.phone)

        self.emailCaption = QLabel(self.details)
        self.emailCaption.setObjectName(u"emailCaption")

        self.contactForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.emailCaption)

        self.email = QLabel(self.details)
        self.email.setObjectName(u"email")
        self.email.setText(u"")
        self.email.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.contactForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.email)

        self.addressCaption = QLabel(self.details)
        self.addressCaption.setObjectName(u"addressCaption")

        self.contactForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.addressCaption)

        self.address = QLabel(self.details)
        self.address.setObjectName(u"address")
        self.address.setText(u"")
        self.address.setWordWrap(True)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.contactForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.address)


        self.columns.addLayout(self.contactForm)

        self.needsForm = QFormLayout()
        self.needsForm.setObjectName(u"needsForm")
        self.needsForm.setVerticalSpacing(6)
        self.needsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.languageCaption = QLabel(self.details)
        self.languageCaption.setObjectName(u"languageCaption")

        self.needsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageCaption)

        self.language = QLabel(self.details)
        self.language.setObjectName(u"language")
        self.language.setText(u"")

        self.needsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.language)

        self.accessNeedsCaption = QLabel(self.details)
        self.accessNeedsCaption.setObjectName(u"accessNeedsCaption")

        self.needsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.accessNeedsCaption)

        self.accessNeeds = QLabel(self.details)
        self.accessNeeds.setObjectName(u"accessNeeds")
        self.accessNeeds.setText(u"")
        self.accessNeeds.setWordWrap(True)
        self.accessNeeds.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.needsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.accessNeeds)

        self.consentCaption = QLabel(self.details)
        self.consentCaption.setObjectName(u"consentCaption")

        self.needsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.consentCaption)

        self.consent = QLabel(self.details)
        self.consent.setObjectName(u"consent")
        self.consent.setText(u"")
        self.consent.setWordWrap(True)

        self.needsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.consent)

        self.victimsCodeCaption = QLabel(self.details)
        self.victimsCodeCaption.setObjectName(u"victimsCodeCaption")

        self.needsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.victimsCodeCaption)

        self.victimsCode = QLabel(self.details)
        self.victimsCode.setObjectName(u"victimsCode")
        self.victimsCode.setText(u"")
        self.victimsCode.setWordWrap(True)

        self.needsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.victimsCode)


        self.columns.addLayout(self.needsForm)


        self.detailsLayout.addLayout(self.columns)

        self.seenBeforeCaption = QLabel(self.details)
        self.seenBeforeCaption.setObjectName(u"seenBeforeCaption")

        self.detailsLayout.addWidget(self.seenBeforeCaption)

        self.seenBefore = QLabel(self.details)
        self.seenBefore.setObjectName(u"seenBefore")
        self.seenBefore.setText(u"")
        self.seenBefore.setTextFormat(Qt.TextFormat.RichText)
        self.seenBefore.setWordWrap(True)
        self.seenBefore.setOpenExternalLinks(False)
        self.seenBefore.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByKeyboard|Qt.TextInteractionFlag.LinksAccessibleByMouse)

        self.detailsLayout.addWidget(self.seenBefore)

        self.detailsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detailsLayout.addItem(self.detailsSpacer)

        self.detailsArea.setWidget(self.details)
        self.splitter.addWidget(self.detailsArea)

        self.layout.addWidget(self.splitter)

        QWidget.setTabOrder(self.addButton, self.editButton)
        QWidget.setTabOrder(self.editButton, self.rjInfoButton)
        QWidget.setTabOrder(self.rjInfoButton, self.removeButton)
        QWidget.setTabOrder(self.removeButton, self.table)
        QWidget.setTabOrder(self.table, self.seenBefore)

        self.retranslateUi(PeoplePane)

        QMetaObject.connectSlotsByName(PeoplePane)
    # setupUi

    def retranslateUi(self, PeoplePane):
#if QT_CONFIG(accessibility)
        PeoplePane.setAccessibleName(QCoreApplication.translate("PeoplePane", u"People", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("PeoplePane", u"&Add person\u2026", None))
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("PeoplePane", u"Add someone to this case", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.addButton.setAccessibleName(QCoreApplication.translate("PeoplePane", u"Add person", None))
#endif // QT_CONFIG(accessibility)
        self.editButton.setText(QCoreApplication.translate("PeoplePane", u"&Edit details\u2026", None))
#if QT_CONFIG(tooltip)
        self.editButton.setToolTip(QCoreApplication.translate("PeoplePane", u"Change the chosen person's contact details", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.editButton.setAccessibleName(QCoreApplication.translate("PeoplePane", u"Edit details", None))
#endif // QT_CONFIG(accessibility)
        self.rjInfoButton.setText(QCoreApplication.translate("PeoplePane", u"Record RJ &information given\u2026", None))
#if QT_CONFIG(tooltip)
        self.rjInfoButton.setToolTip(QCoreApplication.translate("PeoplePane", u"Victims' Code: the day a harmed person was given information about restorative justice", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.rjInfoButton.setAccessibleName(QCoreApplication.translate("PeoplePane", u"Record RJ information given", None))
#endif // QT_CONFIG(accessibility)
        self.removeButton.setText(QCoreApplication.translate("PeoplePane", u"Re&move", None))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(QCoreApplication.translate("PeoplePane", u"Remove someone added by mistake", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.removeButton.setAccessibleName(QCoreApplication.translate("PeoplePane", u"Remove person", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("PeoplePane", u"People in this case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.detailsArea.setAccessibleName(QCoreApplication.translate("PeoplePane", u"Details of the chosen person", None))
#endif // QT_CONFIG(accessibility)
        self.roleCaption.setText(QCoreApplication.translate("PeoplePane", u"Role", None))
        self.dateOfBirthCaption.setText(QCoreApplication.translate("PeoplePane", u"Date of birth", None))
        self.phoneCaption.setText(QCoreApplication.translate("PeoplePane", u"Phone", None))
        self.emailCaption.setText(QCoreApplication.translate("PeoplePane", u"Email", None))
        self.addressCaption.setText(QCoreApplication.translate("PeoplePane", u"Address", None))
        self.languageCaption.setText(QCoreApplication.translate("PeoplePane", u"Language", None))
        self.accessNeedsCaption.setText(QCoreApplication.translate("PeoplePane", u"Access needs", None))
        self.consentCaption.setText(QCoreApplication.translate("PeoplePane", u"Consent to take part", None))
        self.victimsCodeCaption.setText(QCoreApplication.translate("PeoplePane", u"Victims' Code", None))
        self.seenBeforeCaption.setText(QCoreApplication.translate("PeoplePane", u"Seen before", None))
    # retranslateUi

