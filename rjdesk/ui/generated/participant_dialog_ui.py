# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'participant_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from rjdesk.ui.toolkit.date_field import DateField

class Ui_ParticipantDialog(object):
    def setupUi(self, ParticipantDialog):
        if not ParticipantDialog.objectName():
            ParticipantDialog.setObjectName(u"ParticipantDialog")
        ParticipantDialog.setModal(True)
        ParticipantDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(ParticipantDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(ParticipantDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(ParticipantDialog)
        self.name.setObjectName(u"name")
        self.name.setMaxLength(200)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.roleLabel = QLabel(ParticipantDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.role = QComboBox(ParticipantDialog)
        self.role.setObjectName(u"role")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.role)

        self.supportsLabel = QLabel(ParticipantDialog)
        self.supportsLabel.setObjectName(u"supportsLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.supportsLabel)

        self.supports = QComboBox(ParticipantDialog)
        self.supports.setObjectName(u"supports")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.supports)

        self.relationshipLabel = QLabel(ParticipantDialog)
        self.relationshipLabel.setObjectName(u"relationshipLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.relationshipLabel)

        self.relationship = QComboBox(ParticipantDialog)
        self.relationship.setObjectName(u"relationship")
        self.relationship.setEditable(True)
        self.relationship.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.relationship)

        self.organisationLabel = QLabel(ParticipantDialog)
        self.organisationLabel.setObjectName(u"organisationLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.organisationLabel)

        self.organisation = QLineEdit(ParticipantDialog)
        self.organisation.setObjectName(u"organisation")
        self.organisation.setMaxLength(200)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.organisation)

        self.dobKnown = QCheckBox(ParticipantDialog)
        self.dobKnown.setObjectName(u"dobKnown")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.dobKnown)

        self.dobRow = QHBoxLayout()
        self.dobRow.setObjectName(u"dobRow")
        self.dateOfBirth = DateField(ParticipantDialog)
        self.dateOfBirth.setObjectName(u"dateOfBirth")
        self.dateOfBirth.setEnabled(False)

        self.dobRow.addWidget(self.dateOfBirth)

        self.age = QLabel(ParticipantDialog)
        self.age.setObjectName(u"age")
        self.age.setText(u"")
        self.age.setWordWrap(True)

        self.dobRow.addWidget(self.age)

        self.dobSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dobRow.addItem(self.dobSpacer)


        self.form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.dobRow)

        self.phoneLabel = QLabel(ParticipantDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phone = QLineEdit(ParticipantDialog)
        self.phone.setObjectName(u"phone")
        self.phone.setMaxLength(50)
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.phone)

        self.emailLabel = QLabel(ParticipantDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.email = QLineEdit(ParticipantDialog)
        self.email.setObjectName(u"email")
        self.email.setMaxLength(200)
        self.email.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.email)

        self.addressLabel = QLabel(ParticipantDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.address = QLineEdit(ParticipantDialog)
        self.address.setObjectName(u"address")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.address)

        self.languageLabel = QLabel(ParticipantDialog)
        self.languageLabel.setObjectName(u"languageLabel")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageRow = QHBoxLayout()
        self.languageRow.setObjectName(u"languageRow")
        self.language = QComboBox(ParticipantDialog)
        self.language.setObjectName(u"language")
        self.language.setEditable(True)
        self.language.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.language.sizePolicy().hasHeightForWidth())
        self.language.setSizePolicy(sizePolicy)

        self.languageRow.addWidget(self.language)

        self.interpreter = QCheckBox(ParticipantDialog)
        self.interpreter.setObjectName(u"interpreter")

        self.languageRow.addWidget(self.interpreter)


        self.form.setLayout(9, QFormLayout.ItemRole.FieldRole, self.languageRow)

        self.accessNeedsLabel = QLabel(ParticipantDialog)
        self.accessNeedsLabel.setObjectName(u"accessNeedsLabel")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.accessNeedsLabel)

        self.accessNeeds = QPlainTextEdit(ParticipantDialog)
        self.accessNeeds.setObjectName(u"accessNeeds")
        self.accessNeeds.setTabChangesFocus(True)
        self.accessNeeds.setMaximumSize(QSize(16777215, 80))

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.accessNeeds)


        self.layout.addLayout(self.form)

        self.message = QLabel(ParticipantDialog)
        self.message.setObjectName(u"message")
        self.message.setText(u"")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(ParticipantDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.roleLabel.setBuddy(self.role)
        self.supportsLabel.setBuddy(self.supports)
        self.relationshipLabel.setBuddy(self.relationship)
        self.organisationLabel.setBuddy(self.organisation)
        self.phoneLabel.setBuddy(self.phone)
        self.emailLabel.setBuddy(self.email)
        self.addressLabel.setBuddy(self.address)
        self.languageLabel.setBuddy(self.language)
        self.accessNeedsLabel.setBuddy(self.accessNeeds)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.role)
        QWidget.setTabOrder(self.role, self.supports)
        QWidget.setTabOrder(self.supports, self.relationship)
        QWidget.setTabOrder(self.relationship, self.organisation)
        QWidget.setTabOrder(self.organisation, self.dobKnown)
        QWidget.setTabOrder(self.dobKnown, self.dateOfBirth)
        QWidget.setTabOrder(self.dateOfBirth, self.phone)
        QWidget.setTabOrder(self.phone, self.email)
        QWidget.setTabOrder(self.email, self.address)
        QWidget.setTabOrder(self.address, self.language)
        QWidget.setTabOrder(self.language, self.interpreter)
        QWidget.setTabOrder(self.interpreter, self.accessNeeds)
        QWidget.setTabOrder(self.accessNeeds, self.buttons)

        self.retranslateUi(ParticipantDialog)

        QMetaObject.connectSlotsByName(ParticipantDialog)
    # setupUi

    def retranslateUi(self, ParticipantDialog):
        ParticipantDialog.setWindowTitle(QCoreApplication.translate("ParticipantDialog", u"Add a person", None))
        self.nameLabel.setText(QCoreApplication.translate("ParticipantDialog", u"&Name", None))
#if QT_CONFIG(accessibility)
        self.name.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Name", None))
#endif // QT_CONFIG(accessibility)
        self.roleLabel.setText(QCoreApplication.translate("ParticipantDialog", u"&Role in the case", None))
#if QT_CONFIG(accessibility)
        self.role.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Role in the case", None))
#endif // QT_CONFIG(accessibility)
        self.role.setPlaceholderText(QCoreApplication.translate("ParticipantDialog", u"Choose\u2026", None))
        self.supportsLabel.setText(QCoreApplication.translate("ParticipantDialog", u"&Supports", None))
#if QT_CONFIG(accessibility)
        self.supports.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Supports", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.supports.setToolTip(QCoreApplication.translate("ParticipantDialog", u"The harmed or responsible person they come to support", None))
#endif // QT_CONFIG(tooltip)
        self.relationshipLabel.setText(QCoreApplication.translate("ParticipantDialog", u"Rela&tionship", None))
#if QT_CONFIG(accessibility)
        self.relationship.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Relationship to the person they support", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.relationship.setToolTip(QCoreApplication.translate("ParticipantDialog", u"Only a parent, carer or guardian can consent for someone under 18", None))
#endif // QT_CONFIG(tooltip)
        self.organisationLabel.setText(QCoreApplication.translate("ParticipantDialog", u"&Organisation", None))
#if QT_CONFIG(accessibility)
        self.organisation.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Organisation", None))
#endif // QT_CONFIG(accessibility)
        self.dobKnown.setText(QCoreApplication.translate("ParticipantDialog", u"Date of &birth", None))
#if QT_CONFIG(accessibility)
        self.dobKnown.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Date of birth known", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.dobKnown.setToolTip(QCoreApplication.translate("ParticipantDialog", u"Tick when you know their date of birth", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.dateOfBirth.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Date of birth", None))
#endif // QT_CONFIG(accessibility)
        self.dateOfBirth.setSpecialValueText(QCoreApplication.translate("ParticipantDialog", u"Not known", None))
        self.phoneLabel.setText(QCoreApplication.translate("ParticipantDialog", u"&Phone", None))
#if QT_CONFIG(accessibility)
        self.phone.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Phone", None))
#endif // QT_CONFIG(accessibility)
        self.emailLabel.setText(QCoreApplication.translate("ParticipantDialog", u"&Email", None))
#if QT_CONFIG(accessibility)
        self.email.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Email", None))
#endif // QT_CONFIG(accessibility)
        self.addressLabel.setText(QCoreApplication.translate("ParticipantDialog", u"&Address", None))
#if QT_CONFIG(accessibility)
        self.address.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Address", None))
#endif // QT_CONFIG(accessibility)
        self.address.setPlaceholderText(QCoreApplication.translate("ParticipantDialog", u"House number, street, town, postcode", None))
        self.languageLabel.setText(QCoreApplication.translate("ParticipantDialog", u"&Language", None))
#if QT_CONFIG(accessibility)
        self.language.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Preferred language", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.language.setToolTip(QCoreApplication.translate("ParticipantDialog", u"Choose from the list or type the language", None))
#endif // QT_CONFIG(tooltip)
        self.interpreter.setText(QCoreApplication.translate("ParticipantDialog", u"&Interpreter needed", None))
#if QT_CONFIG(accessibility)
        self.interpreter.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Interpreter needed", None))
#endif // QT_CONFIG(accessibility)
        self.accessNeedsLabel.setText(QCoreApplication.translate("ParticipantDialog", u"A&ccess needs", None))
#if QT_CONFIG(accessibility)
        self.accessNeeds.setAccessibleName(QCoreApplication.translate("ParticipantDialog", u"Access needs", None))
#endif // QT_CONFIG(accessibility)
        self.accessNeeds.setPlaceholderText(QCoreApplication.translate("ParticipantDialog", u"e.g. step-free venue, large print, visits after 2pm", None))
    # retranslateUi

