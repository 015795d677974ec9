#pragma once

#include "photomarkup.h"

#include <QImage>
#include <QPixmap>
#include <QWidget>

#include <functional>
#include <optional>

namespace fs::app {

// The photo fitted into the widget with its markup over it. Drag to draw an arrow or a circle,
// click to place text, click a mark to select it; every change can be undone.
class MarkupCanvas : public QWidget
{
    Q_OBJECT

public:
    enum class Tool
    {
        Arrow,
        Circle,
        Text
    };

    explicit MarkupCanvas(QWidget *parent = nullptr);

    void setPhoto(const QImage &upright);
    // Replaces the markup and forgets the undo history.
    void setMarkup(const fs::model::PhotoMarkup &markup);
    [[nodiscard]] const fs::model::PhotoMarkup &markup() const { return m_markup; }

    void setTool(Tool tool);
    [[nodiscard]] Tool tool() const { return m_tool; }
    void setColour(const QColor &colour);
    void setText(const QString &text); // what the Text tool places

    [[nodiscard]] int selectedShape() const { return m_selected; }
    [[nodiscard]] bool canUndo() const { return !m_undo.isEmpty(); }
    // Where the photo is drawn, in widget coordinates.
    [[nodiscard]] QRectF photoRect() const;

    [[nodiscard]] QSize sizeHint() const override { return {720, 540}; }
    [[nodiscard]] QSize minimumSizeHint() const override { return {240, 180}; }

public slots:
    void deleteSelected();
    void undo();

signals:
    void markupChanged();
    void selectionChanged(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void change(const std::function<void(QList<fs::model::MarkupShape> &)> &edit);
    void select(int index);
    [[nodiscard]] QPointF normalised(const QPointF &point) const;

    QImage m_photo;
    QPixmap m_scaled; // m_photo at the size it is shown, made when needed
    fs::model::PhotoMarkup m_markup;
    QList<QList<fs::model::MarkupShape>> m_undo;
    Tool m_tool = Tool::Arrow;
    QColor m_colour = fs::model::MarkupShape::defaultColour();
    QString m_text;
    int m_selected = -1;
    QPointF m_pressedAt;
    bool m_pressed = false;
    std::optional<fs::model::MarkupShape> m_draft;

    static constexpr int kMaxUndo = 200;
};

} // namespace fs::app
