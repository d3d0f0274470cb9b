# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'equality_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_EqualityDialog(object):
    def setupUi(self, EqualityDialog):
        if not EqualityDialog.objectName():
            EqualityDialog.setObjectName(u"EqualityDialog")
        EqualityDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(EqualityDialog)
        self.layout.setSpacing(8)
        self.layout.setObjectName(u"layout")
        self.who = QLabel(EqualityDialog)
        self.who.setObjectName(u"who")
        self.who.setText(u"")
        self.who.setWordWrap(True)

        self.layout.addWidget(self.who)

        self.why = QLabel(EqualityDialog)
        self.why.setObjectName(u"why")
        self.why.setWordWrap(True)

        self.layout.addWidget(self.why)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.ageBandLabel = QLabel(EqualityDialog)
        self.ageBandLabel.setObjectName(u"ageBandLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.ageBandLabel)

        self.ageBand = QComboBox(EqualityDialog)
        self.ageBand.setObjectName(u"ageBand")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ageBand)

        self.ageHint = QLabel(EqualityDialog)
        self.ageHint.setObjectName(u"ageHint")
        self.ageHint.setText(u"")
        self.ageHint.setWordWrap(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.ageHint)

        self.sexLabel = QLabel(EqualityDialog)
        self.sexLabel.setObjectName(u"sexLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sexLabel)

        self.sex = QComboBox(EqualityDialog)
        self.sex.setObjectName(u"sex")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sex)

        self.genderSameLabel = QLabel(EqualityDialog)
        self.genderSameLabel.setObjectName(u"genderSameLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.genderSameLabel)

        self.genderSame = QComboBox(EqualityDialog)
        self.genderSame.setObjectName(u"genderSame")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.genderSame)

        self.orientationLabel = QLabel(EqualityDialog)
        self.orientationLabel.setObjectName(u"orientationLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.orientationLabel)

        self.orientation = QComboBox(EqualityDialog)
        self.orientation.setObjectName(u"orientation")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.orientation)

        self.ethnicityLabel = QLabel(EqualityDialog)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.ethnicityLabel)

        self.ethnicity = QComboBox(EqualityDialog)
        self.ethnicity.setObjectName(u"ethnicity")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.ethnicity)

        self.disabilityLabel = QLabel(EqualityDialog)
        self.disabilityLabel.setObjectName(u"disabilityLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.disabilityLabel)

        self.disability = QComboBox(EqualityDialog)
        self.disability.setObjectName(u"disability")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.disability)

        self.religionLabel = QLabel(EqualityDialog)
        self.religionLabel.setObjectName(u"religionLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.religionLabel)

        self.religion = QComboBox(EqualityDialog)
        self.religion.setObjectName(u"religion")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.religion)


        self.layout.addLayout(self.form)

        self.allLayout = QHBoxLayout()
        self.allLayout.setObjectName(u"allLayout")
        self.preferNotAll = QPushButton(EqualityDialog)
        self.preferNotAll.setObjectName(u"preferNotAll")

        self.allLayout.addWidget(self.preferNotAll)

        self.allSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.allLayout.addItem(self.allSpacer)


        self.layout.addLayout(self.allLayout)

        self.message = QLabel(EqualityDialog)
        self.message.setObjectName(u"message")
        self.message.setText(u"")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(EqualityDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.ageBandLabel.setBuddy(self.ageBand)
        self.sexLabel.setBuddy(self.sex)
        self.genderSameLabel.setBuddy(self.genderSame)
        self.orientationLabel.setBuddy(self.orientation)
        self.ethnicityLabel.setBuddy(self.ethnicity)
        self.disabilityLabel.setBuddy(self.disability)
        self.religionLabel.setBuddy(self.religion)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.ageBand, self.sex)
        QWidget.setTabOrder(self.sex, self.genderSame)
        QWidget.setTabOrder(self.genderSame, self.orientation)
        QWidget.setTabOrder(self.orientation, self.ethnicity)
        QWidget.setTabOrder(self.ethnicity, self.disability)
        QWidget.setTabOrder(self.disability, self.religion)
        QWidget.setTabOrder(self.religion, self.preferNotAll)

        self.retranslateUi(EqualityDialog)

        QMetaObject.connectSlotsByName(EqualityDialog)
    # setupUi

    def retranslateUi(self, EqualityDialog):
        EqualityDialog.setWindowTitle(QCoreApplication.translate("EqualityDialog", u"Equality monitoring", None))
#if QT_CONFIG(accessibility)
        EqualityDialog.setAccessibleName(QCoreApplication.translate("EqualityDialog", u"Equality monitoring", None))
#endif // QT_CONFIG(accessibility)
        self.why.setText(QCoreApplication.translate("EqualityDialog", u"Tell them why it is asked: these questions help us check that the service is fair to everyone. Every question is optional. The answers are never shared with the other party, never printed on an agreement or any other document, and are reported only as anonymous totals.", None))
        self.ageBandLabel.setText(QCoreApplication.translate("EqualityDialog", u"&Age band", None))
#if QT_CONFIG(accessibility)
        self.ageBand.setAccessibleName(QCoreApplication.translate("EqualityDialog", u"Age band", None))
#endif // QT_CONFIG(accessibility)
        self.sexLabel.setText(QCoreApplication.translate("EqualityDialog", u"S&ex", None))
#if QT_CONFIG(accessibility)
        self.sex.setAccessibleName(QCoreApplication.translate("EqualityDialog", u"Sex", None))
#endif // QT_CONFIG(accessibility)
        self.genderSameLabel.setText(QCoreApplication.translate("EqualityDialog", u"&Gender same as sex at birth", None))
#if QT_CONFIG(accessibility)
        self.genderSame.setAccessibleName(QCoreApplication.translate("EqualityDialog", u"Gender same as sex at birth: is the gender they identify with the same as their sex registered at birth", None))
#endif // QT_CONFIG(accessibility)
        self.orientationLabel.setText(QCoreApplication.translate("EqualityDialog", u"Sexual &orientation", None))
#if QT_CONFIG(accessibility)
        self.orientation.setAccessibleName(QCoreApplication.translate("EqualityDialog", u"Sexual orientation", None))
#endif // QT_CONFIG(accessibility)
        self.ethnicityLabel.setText(QCoreApplication.translate("EqualityDialog", u"E&thnic group", None))
#if QT_CONFIG(accessibility)
        self.ethnicity.setAccessibleName(QCoreApplication.translate("EqualityDialog", u"Ethnic group (ONS 2021 categories)", None))
#endif // QT_CONFIG(accessibility)
        self.disabilityLabel.setText(QCoreApplication.translate("EqualityDialog", u"&Disability (day-to-day activities limited)", None))
#if QT_CONFIG(accessibility)
        self.disability.setAccessibleName(QCoreApplication.translate("EqualityDialog", u"Disability (day-to-day activities limited by a health problem or disability lasting 12 months or more)", None))
#endif // QT_CONFIG(accessibility)
        self.religionLabel.setText(QCoreApplication.translate("EqualityDialog", u"&Religion or belief", None))
#if QT_CONFIG(accessibility)
        self.religion.setAccessibleName(QCoreApplication.translate("EqualityDialog", u"Religion or belief", None))
#endif // QT_CONFIG(accessibility)
        self.preferNotAll.setText(QCoreApplication.translate("EqualityDialog", u"&Prefer not to say to every question", None))
#if QT_CONFIG(accessibility)
        self.preferNotAll.setAccessibleName(QCoreApplication.translate("EqualityDialog", u"Prefer not to say to every question", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

