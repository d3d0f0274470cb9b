# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'documents_pane.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_DocumentsPane(object):
    def setupUi(self, DocumentsPane):
        if not DocumentsPane.objectName():
            DocumentsPane.setObjectName(u"DocumentsPane")
        self.outer = QVBoxLayout(DocumentsPane)
        self.outer.setSpacing(6)
        self.outer.setObjectName(u"outer")
        self.documentsLabel = QLabel(DocumentsPane)
        self.documentsLabel.setObjectName(u"documentsLabel")

        self.outer.addWidget(self.documentsLabel)

        self.documentsView = QTableView(DocumentsPane)
        self.documentsView.setObjectName(u"documentsView")
        self.documentsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documentsView.setAlternatingRowColors(True)
        self.documentsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.documentsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documentsView.setTabKeyNavigation(False)
        self.documentsView.horizontalHeader().setStretchLastSection(False)
        self.documentsView.verticalHeader().setVisible(False)

        self.outer.addWidget(self.documentsView)

        self.documentButtons = QHBoxLayout()
        self.documentButtons.setObjectName(u"documentButtons")
        self.viewButton = QPushButton(DocumentsPane)
        self.viewButton.setObjectName(u"viewButton")

        self.documentButtons.addWidget(self.viewButton)

        self.removeButton = QPushButton(DocumentsPane)
        self.removeButton.setObjectName(u"removeButton")

        self.documentButtons.addWidget(self.removeButton)

        self.emptyNote = QLabel(DocumentsPane)
        self.emptyNote.setObjectName(u"emptyNote")
        self.emptyNote.setWordWrap(True)

        self.documentButtons.addWidget(self.emptyNote)

        self.documentButtonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.documentButtons.addItem(self.documentButtonsSpacer)


        self.outer.addLayout(self.documentButtons)

        self.addBox = QGroupBox(DocumentsPane)
        self.addBox.setObjectName(u"addBox")
        self.addGrid = QGridLayout(self.addBox)
        self.addGrid.setObjectName(u"addGrid")
        self.titleLabel = QLabel(self.addBox)
        self.titleLabel.setObjectName(u"titleLabel")

        self.addGrid.addWidget(self.titleLabel, 0, 0, 1, 1)

        self.titleEdit = QLineEdit(self.addBox)
        self.titleEdit.setObjectName(u"titleEdit")

        self.addGrid.addWidget(self.titleEdit, 0, 1, 1, 1)

        self.attachToLabel = QLabel(self.addBox)
        self.attachToLabel.setObjectName(u"attachToLabel")

        self.addGrid.addWidget(self.attachToLabel, 0, 2, 1, 1)

        self.attachTo = QComboBox(self.addBox)
        self.attachTo.setObjectName(u"attachTo")
        self.attachTo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.addGrid.addWidget(self.attachTo, 0, 3, 1, 1)

        self.addButton = QPushButton(self.addBox)
        self.addButton.setObjectName(u"addButton")

        self.addGrid.addWidget(self.addButton, 0, 4, 1, 1)


        self.outer.addWidget(self.addBox)

        self.message = QLabel(DocumentsPane)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.outer.addWidget(self.message)

        self.outer.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.documentsLabel.setBuddy(self.documentsView)
        self.titleLabel.setBuddy(self.titleEdit)
        self.attachToLabel.setBuddy(self.attachTo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.documentsView, self.viewButton)
        QWidget.setTabOrder(self.viewButton, self.removeButton)
        QWidget.setTabOrder(self.removeButton, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.attachTo)
        QWidget.setTabOrder(self.attachTo, self.addButton)

        self.retranslateUi(DocumentsPane)

        QMetaObject.connectSlotsByName(DocumentsPane)
    # setupUi

    def retranslateUi(self, DocumentsPane):
#if QT_CONFIG(accessibility)
        DocumentsPane.setAccessibleName(QCoreApplication.translate("DocumentsPane", u"Documents", None))
#endif // QT_CONFIG(accessibility)
        self.documentsLabel.setText(QCoreApplication.translate("DocumentsPane", u"&Documents filed on this case (kept inside the encrypted case file)", None))
#if QT_CONFIG(accessibility)
        self.documentsView.setAccessibleName(QCoreApplication.translate("DocumentsPane", u"Documents filed on this case", None))
#endif // QT_CONFIG(accessibility)
        self.viewButton.setText(QCoreApplication.translate("DocumentsPane", u"&View", None))
#if QT_CONFIG(accessibility)
        self.viewButton.setAccessibleName(QCoreApplication.translate("DocumentsPane", u"View document", None))
#endif // QT_CONFIG(accessibility)
        self.removeButton.setText(QCoreApplication.translate("DocumentsPane", u"&Remove\u2026", None))
#if QT_CONFIG(accessibility)
        self.removeButton.setAccessibleName(QCoreApplication.translate("DocumentsPane", u"Remove attachment", None))
#endif // QT_CONFIG(accessibility)
        self.emptyNote.setText("")
        self.addBox.setTitle(QCoreApplication.translate("DocumentsPane", u"Add a scan, letter or photo", None))
        self.titleLabel.setText(QCoreApplication.translate("DocumentsPane", u"T&itle", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("DocumentsPane", u"Title of the attachment", None))
#endif // QT_CONFIG(accessibility)
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("DocumentsPane", u"Optional, e.g. scan of the signed agreement (the file name otherwise)", None))
        self.attachToLabel.setText(QCoreApplication.translate("DocumentsPane", u"Attach &to", None))
#if QT_CONFIG(accessibility)
        self.attachTo.setAccessibleName(QCoreApplication.translate("DocumentsPane", u"Attach to", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("DocumentsPane", u"&Add attachment\u2026", None))
#if QT_CONFIG(accessibility)
        self.addButton.setAccessibleName(QCoreApplication.translate("DocumentsPane", u"Add attachment", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("DocumentsPane", u"Choose a file; its content is copied into the encrypted case file", None))
#endif // QT_CONFIG(tooltip)
        self.message.setText("")
    # retranslateUi

