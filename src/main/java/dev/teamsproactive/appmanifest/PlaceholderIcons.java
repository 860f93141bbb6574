package dev.teamsproactive.appmanifest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * The two icons a Teams app package must hold, drawn here so the package works out of the box: a white speech
 * bubble on the accent colour (color.png, 192x192) and the same bubble as a white outline on transparency
 * (outline.png, 32x32, as Teams requires). Operators replace them with their own of the same names and sizes.
 */
final class PlaceholderIcons {
    static final int COLOR_SIZE = 192;
    static final int OUTLINE_SIZE = 32;

    static {
        // Drawing into an image needs no display; say so, so a server without one never tries to open it.
        System.setProperty("java.awt.headless", "true");
    }

    private PlaceholderIcons() {
    }

    /** color.png: the accent colour, a white bubble in the middle. */
    static byte[] color(Color accent) throws IOException {
        BufferedImage image = new BufferedImage(COLOR_SIZE, COLOR_SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smooth(image);
        g.setColor(accent);
        g.fillRect(0, 0, COLOR_SIZE, COLOR_SIZE);
        g.setColor(Color.WHITE);
        g.fillRoundRect(40, 48, 112, 76, 24, 24);
        g.fillPolygon(new int[] {64, 96, 64}, new int[] {120, 120, 148}, 3);
        g.dispose();
        return png(image);
    }

    /** outline.png: transparent, a white bubble outline. */
    static byte[] outline() throws IOException {
        BufferedImage image = new BufferedImage(OUTLINE_SIZE, OUTLINE_SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(image);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2f));
        g.drawRoundRect(4, 6, 24, 16, 6, 6);
        g.fillPolygon(new int[] {9, 16, 9}, new int[] {21, 21, 27}, 3);
        g.dispose();
        return png(image);
    }

    private static Graphics2D smooth(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("No PNG writer in this Java runtime");
        }
        return out.toByteArray();
    }
}
