# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'consent_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

from rjdesk.ui.toolkit.date_field import DateField

class Ui_ConsentDialog(object):
    def setupUi(self, ConsentDialog):
        if not ConsentDialog.objectName():
            ConsentDialog.setObjectName(u"ConsentDialog")
        ConsentDialog.setMinimumSize(QSize(440, 0))
        self.layout = QVBoxLayout(ConsentDialog)
        self.layout.setSpacing(8)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(ConsentDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setText(u"")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.whoLabel = QLabel(ConsentDialog)
        self.whoLabel.setObjectName(u"whoLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.whoLabel)

        self.who = QComboBox(ConsentDialog)
        self.who.setObjectName(u"who")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.who)

        self.givenByLabel = QLabel(ConsentDialog)
        self.givenByLabel.setObjectName(u"givenByLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.givenByLabel)

        self.givenBy = QComboBox(ConsentDialog)
        self.givenBy.setObjectName(u"givenBy")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.givenBy)

        self.givenByHint = QLabel(ConsentDialog)
        self.givenByHint.setObjectName(u"givenByHint")
        self.givenByHint.setText(u"")
        self.givenByHint.setWordWrap(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.givenByHint)

        self.scopesLabel = QLabel(ConsentDialog)
        self.scopesLabel.setObjectName(u"scopesLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.scopesLabel)

        self.scopes = QWidget(ConsentDialog)
        self.scopes.setObjectName(u"scopes")
        self.scopesLayout = QVBoxLayout(self.scopes)
        self.scopesLayout.setSpacing(4)
        self.scopesLayout.setObjectName(u"scopesLayout")
        self.scopesLayout.setContentsMargins(0, 0, 0, 0)
        self.takePart = QCheckBox(self.scopes)
        self.takePart.setObjectName(u"takePart")

        self.scopesLayout.addWidget(self.takePart)

        self.share = QCheckBox(self.scopes)
        self.share.setObjectName(u"share")

        self.scopesLayout.addWidget(self.share)

        self.feedback = QCheckBox(self.scopes)
        self.feedback.setObjectName(u"feedback")

        self.scopesLayout.addWidget(self.feedback)


        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.scopes)

        self.dateLabel = QLabel(ConsentDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.date = DateField(ConsentDialog)
        self.date.setObjectName(u"date")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.date)

        self.noteLabel = QLabel(ConsentDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.note = QPlainTextEdit(ConsentDialog)
        self.note.setObjectName(u"note")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumSize(QSize(16777215, 90))

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.note)


        self.layout.addLayout(self.form)

        self.warning = QLabel(ConsentDialog)
        self.warning.setObjectName(u"warning")
        self.warning.setText(u"")
        self.warning.setWordWrap(True)

        self.layout.addWidget(self.warning)

        self.message = QLabel(ConsentDialog)
        self.message.setObjectName(u"message")
        self.message.setText(u"")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(ConsentDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.whoLabel.setBuddy(self.who)
        self.givenByLabel.setBuddy(self.givenBy)
        self.scopesLabel.setBuddy(self.takePart)
        self.dateLabel.setBuddy(self.date)
        self.noteLabel.setBuddy(self.note)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.who, self.givenBy)
        QWidget.setTabOrder(self.givenBy, self.takePart)
        QWidget.setTabOrder(self.takePart, self.share)
        QWidget.setTabOrder(self.share, self.feedback)
        QWidget.setTabOrder(self.feedback, self.date)
        QWidget.setTabOrder(self.date, self.note)

        self.retranslateUi(ConsentDialog)

        QMetaObject.connectSlotsByName(ConsentDialog)
    # setupUi

    def retranslateUi(self, ConsentDialog):
        ConsentDialog.setWindowTitle(QCoreApplication.translate("ConsentDialog", u"Consent", None))
#if QT_CONFIG(accessibility)
        ConsentDialog.setAccessibleName(QCoreApplication.translate("ConsentDialog", u"Consent", None))
#endif // QT_CONFIG(accessibility)
        self.whoLabel.setText(QCoreApplication.translate("ConsentDialog", u"&Who", None))
#if QT_CONFIG(accessibility)
        self.who.setAccessibleName(QCoreApplication.translate("ConsentDialog", u"Whose consent", None))
#endif // QT_CONFIG(accessibility)
        self.givenByLabel.setText(QCoreApplication.translate("ConsentDialog", u"Consent &from", None))
#if QT_CONFIG(accessibility)
        self.givenBy.setAccessibleName(QCoreApplication.translate("ConsentDialog", u"Consent from the person or their parent or carer", None))
#endif // QT_CONFIG(accessibility)
        self.scopesLabel.setText(QCoreApplication.translate("ConsentDialog", u"Consent &to", None))
#if QT_CONFIG(accessibility)
        self.scopes.setAccessibleName(QCoreApplication.translate("ConsentDialog", u"What the consent covers", None))
#endif // QT_CONFIG(accessibility)
        self.takePart.setText(QCoreApplication.translate("ConsentDialog", u"Take &part", None))
#if QT_CONFIG(accessibility)
        self.takePart.setAccessibleName(QCoreApplication.translate("ConsentDialog", u"Take part", None))
#endif // QT_CONFIG(accessibility)
        self.share.setText(QCoreApplication.translate("ConsentDialog", u"&Share information with the other party", None))
#if QT_CONFIG(accessibility)
        self.share.setAccessibleName(QCoreApplication.translate("ConsentDialog", u"Share information with the other party", None))
#endif // QT_CONFIG(accessibility)
        self.feedback.setText(QCoreApplication.translate("ConsentDialog", u"Be contacted for f&eedback", None))
#if QT_CONFIG(accessibility)
        self.feedback.setAccessibleName(QCoreApplication.translate("ConsentDialog", u"Be contacted for feedback", None))
#endif // QT_CONFIG(accessibility)
        self.dateLabel.setText(QCoreApplication.translate("ConsentDialog", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.date.setAccessibleName(QCoreApplication.translate("ConsentDialog", u"Date", None))
#endif // QT_CONFIG(accessibility)
        self.noteLabel.setText(QCoreApplication.translate("ConsentDialog", u"&Note", None))
#if QT_CONFIG(accessibility)
        self.note.setAccessibleName(QCoreApplication.translate("ConsentDialog", u"Withdrawal note", None))
#endif // QT_CONFIG(accessibility)
        self.note.setPlaceholderText(QCoreApplication.translate("ConsentDialog", u"What they said, and how (optional)", None))
    # retranslateUi

