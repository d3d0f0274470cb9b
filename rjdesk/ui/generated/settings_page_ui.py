# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        self.layout = QVBoxLayout(SettingsPage)
        self.layout.setObjectName(u"layout")
        self.title = QLabel(SettingsPage)
        self.title.setObjectName(u"title")

        self.layout.addWidget(self.title)

        self.youBox = QGroupBox(SettingsPage)
        self.youBox.setObjectName(u"youBox")
        self.youForm = QFormLayout(self.youBox)
        self.youForm.setObjectName(u"youForm")
        self.nameLabel = QLabel(self.youBox)
        self.nameLabel.setObjectName(u"nameLabel")

        self.youForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.facilitatorName = QLineEdit(self.youBox)
        self.facilitatorName.setObjectName(u"facilitatorName")

        self.youForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.facilitatorName)

        self.idleLabel = QLabel(self.youBox)
        self.idleLabel.setObjectName(u"idleLabel")

        self.youForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.idleLabel)

        self.idleMinutes = QSpinBox(self.youBox)
        self.idleMinutes.setObjectName(u"idleMinutes")
        self.idleMinutes.setMaximumSize(QSize(260, 16777215))
        self.idleMinutes.setMinimum(1)
        self.idleMinutes.setMaximum(60)
        self.idleMinutes.setValue(5)

        self.youForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.idleMinutes)

        self.passphraseButton = QPushButton(self.youBox)
        self.passphraseButton.setObjectName(u"passphraseButton")
        self.passphraseButton.setMaximumSize(QSize(220, 16777215))

        self.youForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.passphraseButton)


        self.layout.addWidget(self.youBox)

        self.letterheadBox = QGroupBox(SettingsPage)
        self.letterheadBox.setObjectName(u"letterheadBox")
        self.letterheadForm = QFormLayout(self.letterheadBox)
        self.letterheadForm.setObjectName(u"letterheadForm")
        self.serviceLabel = QLabel(self.letterheadBox)
        self.serviceLabel.setObjectName(u"serviceLabel")

        self.letterheadForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.serviceLabel)

        self.serviceName = QLineEdit(self.letterheadBox)
        self.serviceName.setObjectName(u"serviceName")

        self.letterheadForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.serviceName)

        self.addressLabel = QLabel(self.letterheadBox)
        self.addressLabel.setObjectName(u"addressLabel")

        self.letterheadForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.address = QPlainTextEdit(self.letterheadBox)
        self.address.setObjectName(u"address")
        self.address.setTabChangesFocus(True)
        self.address.setMaximumSize(QSize(16777215, 80))

        self.letterheadForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.address)

        self.phoneLabel = QLabel(self.letterheadBox)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.letterheadForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phone = QLineEdit(self.letterheadBox)
        self.phone.setObjectName(u"phone")

        self.letterheadForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.phone)

        self.emailLabel = QLabel(self.letterheadBox)
        self.emailLabel.setObjectName(u"emailLabel")

        self.letterheadForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.email = QLineEdit(self.letterheadBox)
        self.email.setObjectName(u"email")

        self.letterheadForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.email)

        self.logoLabel = QLabel(self.letterheadBox)
        self.logoLabel.setObjectName(u"logoLabel")

        self.letterheadForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.logoLabel)

        self.logoRow = QHBoxLayout()
        self.logoRow.setObjectName(u"logoRow")
        self.logoPreview = QLabel(self.letterheadBox)
        self.logoPreview.setObjectName(u"logoPreview")
        self.logoPreview.setMinimumSize(QSize(64, 64))
        self.logoPreview.setMaximumSize(QSize(64, 64))
        self.logoPreview.setScaledContents(True)

        self.logoRow.addWidget(self.logoPreview)

        self.chooseLogo = QPushButton(self.letterheadBox)
        self.chooseLogo.setObjectName(u"chooseLogo")

        self.logoRow.addWidget(self.chooseLogo)

        self.defaultLogo = QPushButton(self.letterheadBox)
        self.defaultLogo.setObjectName(u"defaultLogo")

        self.logoRow.addWidget(self.defaultLogo)

        self.logoSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.logoRow.addItem(self.logoSpacer)


        self.letterheadForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.logoRow)


        self.layout.addWidget(self.letterheadBox)

        self.message = QLabel(SettingsPage)
        self.message.setObjectName(u"message")
        self.message.setText(u"")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonSpacer)

        self.saveButton = QPushButton(SettingsPage)
        self.saveButton.setObjectName(u"saveButton")

        self.buttons.addWidget(self.saveButton)


        self.layout.addLayout(self.buttons)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.facilitatorName)
        self.idleLabel.setBuddy(self.idleMinutes)
        self.serviceLabel.setBuddy(self.serviceName)
        self.addressLabel.setBuddy(self.address)
        self.phoneLabel.setBuddy(self.phone)
        self.emailLabel.setBuddy(self.email)
        self.logoLabel.setBuddy(self.chooseLogo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.facilitatorName, self.idleMinutes)
        QWidget.setTabOrder(self.idleMinutes, self.passphraseButton)
        QWidget.setTabOrder(self.passphraseButton, self.serviceName)
        QWidget.setTabOrder(self.serviceName, self.address)
        QWidget.setTabOrder(self.address, self.phone)
        QWidget.setTabOrder(self.phone, self.email)
        QWidget.setTabOrder(self.email, self.chooseLogo)
        QWidget.setTabOrder(self.chooseLogo, self.defaultLogo)
        QWidget.setTabOrder(self.defaultLogo, self.saveButton)

        self.retranslateUi(SettingsPage)

        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
#if QT_CONFIG(accessibility)
        SettingsPage.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Settings", None))
#endif // QT_CONFIG(accessibility)
        self.title.setText(QCoreApplication.translate("SettingsPage", u"Settings", None))
        self.youBox.setTitle(QCoreApplication.translate("SettingsPage", u"You and this laptop", None))
        self.nameLabel.setText(QCoreApplication.translate("SettingsPage", u"Your &name", None))
#if QT_CONFIG(accessibility)
        self.facilitatorName.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Your name", None))
#endif // QT_CONFIG(accessibility)
        self.idleLabel.setText(QCoreApplication.translate("SettingsPage", u"&Lock after", None))
#if QT_CONFIG(accessibility)
        self.idleMinutes.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Lock after this many minutes without use", None))
#endif // QT_CONFIG(accessibility)
        self.idleMinutes.setSuffix(QCoreApplication.translate("SettingsPage", u" minutes without use", None))
        self.passphraseButton.setText(QCoreApplication.translate("SettingsPage", u"Change &passphrase\u2026", None))
#if QT_CONFIG(accessibility)
        self.passphraseButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Change passphrase", None))
#endif // QT_CONFIG(accessibility)
        self.letterheadBox.setTitle(QCoreApplication.translate("SettingsPage", u"Letterhead printed on agreements", None))
        self.serviceLabel.setText(QCoreApplication.translate("SettingsPage", u"&Service", None))
#if QT_CONFIG(accessibility)
        self.serviceName.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Service name", None))
#endif // QT_CONFIG(accessibility)
        self.addressLabel.setText(QCoreApplication.translate("SettingsPage", u"&Address", None))
#if QT_CONFIG(accessibility)
        self.address.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Service address", None))
#endif // QT_CONFIG(accessibility)
        self.phoneLabel.setText(QCoreApplication.translate("SettingsPage", u"P&hone", None))
#if QT_CONFIG(accessibility)
        self.phone.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Service phone", None))
#endif // QT_CONFIG(accessibility)
        self.emailLabel.setText(QCoreApplication.translate("SettingsPage", u"&Email", None))
#if QT_CONFIG(accessibility)
        self.email.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Service email", None))
#endif // QT_CONFIG(accessibility)
        self.logoLabel.setText(QCoreApplication.translate("SettingsPage", u"Lo&go", None))
        self.chooseLogo.setText(QCoreApplication.translate("SettingsPage", u"Choose a logo\u2026", None))
#if QT_CONFIG(tooltip)
        self.chooseLogo.setToolTip(QCoreApplication.translate("SettingsPage", u"A PNG image, printed at the top of agreements", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.chooseLogo.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Choose a logo", None))
#endif // QT_CONFIG(accessibility)
        self.defaultLogo.setText(QCoreApplication.translate("SettingsPage", u"Use the standard logo", None))
#if QT_CONFIG(accessibility)
        self.defaultLogo.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Use the standard logo", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("SettingsPage", u"Sa&ve settings", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Save (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.saveButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Save settings", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

