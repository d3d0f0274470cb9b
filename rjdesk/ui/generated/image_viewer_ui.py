# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'image_viewer.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ImageViewer(object):
    def setupUi(self, ImageViewer):
        if not ImageViewer.objectName():
            ImageViewer.setObjectName(u"ImageViewer")
        ImageViewer.setMinimumSize(QSize(480, 360))
        self.outer = QVBoxLayout(ImageViewer)
        self.outer.setObjectName(u"outer")
        self.caption = QLabel(ImageViewer)
        self.caption.setObjectName(u"caption")
        self.caption.setWordWrap(True)

        self.outer.addWidget(self.caption)

        self.image = QLabel(ImageViewer)
        self.image.setObjectName(u"image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(QSize(1, 1))
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.image.sizePolicy().hasHeightForWidth())
        self.image.setSizePolicy(sizePolicy)

        self.outer.addWidget(self.image)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.buttonSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(ImageViewer)
        self.closeButton.setObjectName(u"closeButton")

        self.buttons.addWidget(self.closeButton)


        self.outer.addLayout(self.buttons)

        self.outer.setStretch(1, 1)

        self.retranslateUi(ImageViewer)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(ImageViewer)
    # setupUi

    def retranslateUi(self, ImageViewer):
        ImageViewer.setWindowTitle(QCoreApplication.translate("ImageViewer", u"View document", None))
#if QT_CONFIG(accessibility)
        ImageViewer.setAccessibleName(QCoreApplication.translate("ImageViewer", u"View document", None))
#endif // QT_CONFIG(accessibility)
        self.caption.setText("")
        self.image.setText("")
#if QT_CONFIG(accessibility)
        self.image.setAccessibleName(QCoreApplication.translate("ImageViewer", u"Image", None))
#endif // QT_CONFIG(accessibility)
        self.closeButton.setText(QCoreApplication.translate("ImageViewer", u"&Close", None))
#if QT_CONFIG(accessibility)
        self.closeButton.setAccessibleName(QCoreApplication.translate("ImageViewer", u"Close", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

