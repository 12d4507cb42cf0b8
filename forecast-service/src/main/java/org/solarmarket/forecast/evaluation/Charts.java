package org.solarmarket.forecast.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** PNG plots of forecasts drawn with Java2D, so they render on a headless server. */
public final class Charts {

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final Color BAND = new Color(70, 130, 180, 90);
    private static final Color MEDIAN = new Color(25, 70, 140);
    private static final Color OBSERVED = new Color(20, 20, 20);
    private static final Color CLEAR = new Color(230, 140, 20);

    /** One calibration series: a label and the observed frequency below each nominal level. */
    public record CalibrationSeries(String label, double[] observedBelow, Color color) {
    }

    private Charts() {
    }

    /**
     * Draws the P10-P90 band, P50, the observation and {@code p_clear} over time. Arrays are
     * indexed alike and sorted by time; a gap longer than two steps breaks the lines.
     */
    public static void fanChart(Path file, String title, Instant[] times, double[] observed, double[] p10,
            double[] p50, double[] p90, double[] clear, ZoneId zone) {
        BufferedImage image = canvas();
        Graphics2D g = graphics(image);
        double max = 0;
        for (int i = 0; i < times.length; i++) {
            max = Math.max(max, Math.max(p90[i], Math.max(clear[i], Double.isNaN(observed[i]) ? 0 : observed[i])));
        }
        max = Math.ceil(max * 1.1 * 2) / 2;
        long t0 = times[0].getEpochSecond();
        long t1 = times[times.length - 1].getEpochSecond();
        Axes axes = new Axes(t0, t1, 0, max);
        axes.draw(g, title, "power [kW]");
        long gap = times.length > 1 ? 3 * (times[1].getEpochSecond() - t0) : 3600;
        // P10-P90 band, one polygon per unbroken run.
        int runStart = 0;
        for (int i = 1; i <= times.length; i++) {
            if (i == times.length || times[i].getEpochSecond() - times[i - 1].getEpochSecond() > gap) {
                Path2D band = new Path2D.Double();
                for (int k = runStart; k < i; k++) {
                    double x = axes.x(times[k].getEpochSecond());
                    if (k == runStart) {
                        band.moveTo(x, axes.y(p90[k]));
                    } else {
                        band.lineTo(x, axes.y(p90[k]));
                    }
                }
                for (int k = i - 1; k >= runStart; k--) {
                    band.lineTo(axes.x(times[k].getEpochSecond()), axes.y(p10[k]));
                }
                band.closePath();
                g.setColor(BAND);
                g.fill(band);
                runStart = i;
            }
        }
        line(g, axes, times, clear, gap, CLEAR, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                1f, new float[] {6f, 4f}, 0f));
        line(g, axes, times, p50, gap, MEDIAN, new BasicStroke(2f));
        line(g, axes, times, observed, gap, OBSERVED, new BasicStroke(1.5f));
        DateTimeFormatter format = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT).withZone(zone);
        g.setColor(Color.DARK_GRAY);
        for (long day = Math.floorDiv(t0, 86_400) * 86_400 + 86_400; day < t1; day += 86_400) {
            Instant midnight = Instant.ofEpochSecond(day).atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
            int x = (int) axes.x(midnight.getEpochSecond());
            g.drawLine(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 5);
            g.drawString(format.format(midnight), x - 18, HEIGHT - BOTTOM + 20);
        }
        legend(g, List.of("P10-P90", "P50", "measured", "clear sky"), List.of(BAND, MEDIAN, OBSERVED, CLEAR));
        write(image, file);
    }

    /** Draws observed frequency below each quantile against its nominal level. */
    public static void calibrationChart(Path file, String title, double[] nominal, List<CalibrationSeries> series) {
        BufferedImage image = new BufferedImage(560, 520, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        int size = 400;
        int left = 70;
        int top = 50;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, left, 25);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(left, top, size, size);
        for (int tick = 0; tick <= 10; tick += 2) {
            int offset = tick * size / 10;
            g.setColor(new Color(225, 225, 225));
            g.drawLine(left + offset, top, left + offset, top + size);
            g.drawLine(left, top + size - offset, left + size, top + size - offset);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.1f", tick / 10.0), left + offset - 8, top + size + 18);
            g.drawString(String.format(Locale.ROOT, "%.1f", tick / 10.0), left - 30, top + size - offset + 5);
        }
        g.setColor(Color.GRAY);
        g.drawLine(left, top + size, left + size, top);
        g.drawString("nominal quantile level", left + size / 2 - 60, top + size + 38);
        g.drawString("observed below", 5, top - 10);
        int legendY = top + 20;
        for (CalibrationSeries s : series) {
            g.setColor(s.color());
            g.setStroke(new BasicStroke(2f));
            int previousX = -1;
            int previousY = -1;
            for (int i = 0; i < nominal.length; i++) {
                int x = left + (int) (nominal[i] * size);
                int y = top + size - (int) (s.observedBelow()[i] * size);
                g.fillOval(x - 4, y - 4, 8, 8);
                if (previousX >= 0) {
                    g.drawLine(previousX, previousY, x, y);
                }
                previousX = x;
                previousY = y;
            }
            g.fillRect(left + 15, legendY - 9, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(s.label(), left + 32, legendY + 2);
            legendY += 18;
        }
        write(image, file);
    }

    private static void line(Graphics2D g, Axes axes, Instant[] times, double[] values, long gap, Color color,
            BasicStroke stroke) {
        g.setColor(color);
        g.setStroke(stroke);
        Path2D path = new Path2D.Double();
        boolean open = false;
        for (int i = 0; i < times.length; i++) {
            if (Double.isNaN(values[i])) {
                open = false;
                continue;
            }
            double x = axes.x(times[i].getEpochSecond());
            double y = axes.y(values[i]);
            boolean broken = i > 0 && times[i].getEpochSecond() - times[i - 1].getEpochSecond() > gap;
            if (!open || broken) {
                path.moveTo(x, y);
                open = true;
            } else {
                path.lineTo(x, y);
            }
        }
        g.draw(path);
        g.setStroke(new BasicStroke(1f));
    }

    private static void legend(Graphics2D g, List<String> labels, List<Color> colors) {
        int x = WIDTH - RIGHT - 110;
        int y = TOP + 10;
        for (int i = 0; i < labels.size(); i++) {
            g.setColor(colors.get(i));
            g.fillRect(x, y + i * 18 - 9, 14, 10);
            g.setColor(Color.BLACK);
            g.drawString(labels.get(i), x + 20, y + i * 18);
        }
    }

    private static BufferedImage canvas() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.dispose();
        return image;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return g;
    }

    private static void write(BufferedImage image, Path file) {
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write " + file, e);
        }
    }

    private record Axes(long t0, long t1, double yMin, double yMax) {

        double x(long epochSecond) {
            return LEFT + (double) (epochSecond - t0) / Math.max(1, t1 - t0) * (WIDTH - LEFT - RIGHT);
        }

        double y(double value) {
            return HEIGHT - BOTTOM - (value - yMin) / (yMax - yMin) * (HEIGHT - TOP - BOTTOM);
        }

        void draw(Graphics2D g, String title, String yLabel) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, LEFT, 25);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
            int ticks = 5;
            for (int i = 0; i <= ticks; i++) {
                double value = yMin + (yMax - yMin) * i / ticks;
                int y = (int) y(value);
                g.setColor(new Color(225, 225, 225));
                g.drawLine(LEFT + 1, y, WIDTH - RIGHT - 1, y);
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.format(Locale.ROOT, "%.1f", value), LEFT - 35, y + 5);
            }
            g.drawString(yLabel, 5, TOP - 10);
        }
    }
}
