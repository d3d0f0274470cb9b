# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'feedback_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

from rjdesk.ui.toolkit.date_field import DateField

class Ui_FeedbackDialog(object):
    def setupUi(self, FeedbackDialog):
        if not FeedbackDialog.objectName():
            FeedbackDialog.setObjectName(u"FeedbackDialog")
        FeedbackDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(FeedbackDialog)
        self.layout.setSpacing(8)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(FeedbackDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setText(u"")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.givenOnLabel = QLabel(FeedbackDialog)
        self.givenOnLabel.setObjectName(u"givenOnLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.givenOnLabel)

        self.givenOn = DateField(FeedbackDialog)
        self.givenOn.setObjectName(u"givenOn")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.givenOn)

        self.satisfactionLabel = QLabel(FeedbackDialog)
        self.satisfactionLabel.setObjectName(u"satisfactionLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.satisfactionLabel)

        self.satisfaction = QComboBox(FeedbackDialog)
        self.satisfaction.setObjectName(u"satisfaction")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.satisfaction)

        self.copingLabel = QLabel(FeedbackDialog)
        self.copingLabel.setObjectName(u"copingLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.copingLabel)

        self.coping = QComboBox(FeedbackDialog)
        self.coping.setObjectName(u"coping")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.coping)

        self.feelsSaferLabel = QLabel(FeedbackDialog)
        self.feelsSaferLabel.setObjectName(u"feelsSaferLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.feelsSaferLabel)

        self.feelsSafer = QComboBox(FeedbackDialog)
        self.feelsSafer.setObjectName(u"feelsSafer")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.feelsSafer)

        self.wouldRecommendLabel = QLabel(FeedbackDialog)
        self.wouldRecommendLabel.setObjectName(u"wouldRecommendLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.wouldRecommendLabel)

        self.wouldRecommend = QComboBox(FeedbackDialog)
        self.wouldRecommend.setObjectName(u"wouldRecommend")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.wouldRecommend)

        self.commentLabel = QLabel(FeedbackDialog)
        self.commentLabel.setObjectName(u"commentLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.commentLabel)

        self.comment = QPlainTextEdit(FeedbackDialog)
        self.comment.setObjectName(u"comment")
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumSize(QSize(16777215, 110))

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.comment)


        self.layout.addLayout(self.form)

        self.message = QLabel(FeedbackDialog)
        self.message.setObjectName(u"message")
        self.message.setText(u"")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(FeedbackDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.givenOnLabel.setBuddy(self.givenOn)
        self.satisfactionLabel.setBuddy(self.satisfaction)
        self.copingLabel.setBuddy(self.coping)
        self.feelsSaferLabel.setBuddy(self.feelsSafer)
        self.wouldRecommendLabel.setBuddy(self.wouldRecommend)
        self.commentLabel.setBuddy(self.comment)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.givenOn, self.satisfaction)
        QWidget.setTabOrder(self.satisfaction, self.coping)
        QWidget.setTabOrder(self.coping, self.feelsSafer)
        QWidget.setTabOrder(self.feelsSafer, self.wouldRecommend)
        QWidget.setTabOrder(self.wouldRecommend, self.comment)

        self.retranslateUi(FeedbackDialog)

        QMetaObject.connectSlotsByName(FeedbackDialog)
    # setupUi

    def retranslateUi(self, FeedbackDialog):
        FeedbackDialog.setWindowTitle(QCoreApplication.translate("FeedbackDialog", u"Feedback", None))
#if QT_CONFIG(accessibility)
        FeedbackDialog.setAccessibleName(QCoreApplication.translate("FeedbackDialog", u"Feedback", None))
#endif // QT_CONFIG(accessibility)
        self.givenOnLabel.setText(QCoreApplication.translate("FeedbackDialog", u"&Date given", None))
#if QT_CONFIG(accessibility)
        self.givenOn.setAccessibleName(QCoreApplication.translate("FeedbackDialog", u"Date given", None))
#endif // QT_CONFIG(accessibility)
        self.satisfactionLabel.setText(QCoreApplication.translate("FeedbackDialog", u"Sa&tisfaction with the process", None))
#if QT_CONFIG(accessibility)
        self.satisfaction.setAccessibleName(QCoreApplication.translate("FeedbackDialog", u"Satisfaction with the process, 1 to 5", None))
#endif // QT_CONFIG(accessibility)
        self.copingLabel.setText(QCoreApplication.translate("FeedbackDialog", u"Better &able to cope and recover", None))
#if QT_CONFIG(accessibility)
        self.coping.setAccessibleName(QCoreApplication.translate("FeedbackDialog", u"Better able to cope and recover", None))
#endif // QT_CONFIG(accessibility)
        self.feelsSaferLabel.setText(QCoreApplication.translate("FeedbackDialog", u"Feels sa&fer", None))
#if QT_CONFIG(accessibility)
        self.feelsSafer.setAccessibleName(QCoreApplication.translate("FeedbackDialog", u"Feels safer", None))
#endif // QT_CONFIG(accessibility)
        self.wouldRecommendLabel.setText(QCoreApplication.translate("FeedbackDialog", u"Would &recommend the service", None))
#if QT_CONFIG(accessibility)
        self.wouldRecommend.setAccessibleName(QCoreApplication.translate("FeedbackDialog", u"Would recommend the service", None))
#endif // QT_CONFIG(accessibility)
        self.commentLabel.setText(QCoreApplication.translate("FeedbackDialog", u"Co&mment", None))
#if QT_CONFIG(accessibility)
        self.comment.setAccessibleName(QCoreApplication.translate("FeedbackDialog", u"Comment", None))
#endif // QT_CONFIG(accessibility)
        self.comment.setPlaceholderText(QCoreApplication.translate("FeedbackDialog", u"What they said, in their words (optional)", None))
    # retranslateUi

