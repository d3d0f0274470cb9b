# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pdf_preview_dialog.ui'
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
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_PdfPreviewDialog(object):
    def setupUi(self, PdfPreviewDialog):
        if not PdfPreviewDialog.objectName():
            PdfPreviewDialog.setObjectName(u"PdfPreviewDialog")
        PdfPreviewDialog.setMinimumSize(QSize(720, 560))
        self.layout = QVBoxLayout(PdfPreviewDialog)
        self.layout.setObjectName(u"layout")
        self.toolbar = QHBoxLayout()
        self.toolbar.setObjectName(u"toolbar")
        self.title = QLabel(PdfPreviewDialog)
        self.title.setObjectName(u"title")
        self.title.setText(u"")

        self.toolbar.addWidget(self.title)

        self.toolbarSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar.addItem(self.toolbarSpacer)

        self.pages = QLabel(PdfPreviewDialog)
        self.pages.setObjectName(u"pages")
        self.pages.setText(u"")

        self.toolbar.addWidget(self.pages)

        self.zoom = QComboBox(PdfPreviewDialog)
        self.zoom.setObjectName(u"zoom")

        self.toolbar.addWidget(self.zoom)

        self.printButton = QPushButton(PdfPreviewDialog)
        self.printButton.setObjectName(u"printButton")

        self.toolbar.addWidget(self.printButton)

        self.saveButton = QPushButton(PdfPreviewDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.toolbar.addWidget(self.saveButton)

        self.closeButton = QPushButton(PdfPreviewDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.toolbar.addWidget(self.closeButton)


        self.layout.addLayout(self.toolbar)

        self.message = QLabel(PdfPreviewDialog)
        self.message.setObjectName(u"message")
        self.message.setText(u"")
        self.message.setWordWrap(True)

        self.layout.addWidget(self.message)

        self.view = QPdfView(PdfPreviewDialog)
        self.view.setObjectName(u"view")

        self.layout.addWidget(self.view)

        QWidget.setTabOrder(self.view, self.zoom)
        QWidget.setTabOrder(self.zoom, self.printButton)
        QWidget.setTabOrder(self.printButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.closeButton)

        self.retranslateUi(PdfPreviewDialog)

        QMetaObject.connectSlotsByName(PdfPreviewDialog)
    # setupUi

    def retranslateUi(self, PdfPreviewDialog):
        PdfPreviewDialog.setWindowTitle(QCoreApplication.translate("PdfPreviewDialog", u"Preview", None))
#if QT_CONFIG(accessibility)
        self.zoom.setAccessibleName(QCoreApplication.translate("PdfPreviewDialog", u"Zoom", None))
#endif // QT_CONFIG(accessibility)
        self.printButton.setText(QCoreApplication.translate("PdfPreviewDialog", u"&Print\u2026", None))
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("PdfPreviewDialog", u"Print on a printer of this laptop (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.printButton.setAccessibleName(QCoreApplication.translate("PdfPreviewDialog", u"Print", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("PdfPreviewDialog", u"&Save a copy\u2026", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("PdfPreviewDialog", u"Save the PDF as a file: the copy is not encrypted", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.saveButton.setAccessibleName(QCoreApplication.translate("PdfPreviewDialog", u"Save a copy", None))
#endif // QT_CONFIG(accessibility)
        self.closeButton.setText(QCoreApplication.translate("PdfPreviewDialog", u"&Close", None))
#if QT_CONFIG(accessibility)
        self.closeButton.setAccessibleName(QCoreApplication.translate("PdfPreviewDialog", u"Close", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.view.setAccessibleName(QCoreApplication.translate("PdfPreviewDialog", u"The document", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

