"""Make the stand-in OCOP logo of the samples (samples/dot-danh-gia/hinh/logo-ocop-mau.png).

Not the programme's official logo (its artwork is the province's or the Ministry's to give):
a round seal with "OCOP" and three stars, so the sample certificate shows where and how big
the logo prints. Deterministic: the same script gives the same bytes.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "samples" / "dot-danh-gia" / "hinh" / "logo-ocop-mau.png"
FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"
RED, GOLD, WHITE = (178, 34, 34), (218, 165, 32), (255, 255, 255)


def star(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    points = []
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.4
        angle = -math.pi / 2 + k * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=GOLD)


def main() -> None:
    size = 600
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, size - 10, size - 10), fill=RED)
    draw.ellipse((40, 40, size - 40, size - 40), outline=GOLD, width=12)
    font = ImageFont.truetype(FONT, 150)
    draw.text((size / 2, size / 2 + 10), "OCOP", font=font, fill=WHITE, anchor="mm")
    for dx in (-110, 0, 110):
        star(draw, size / 2 + dx, 170 - (0 if dx else 20), 42)
    small = ImageFont.truetype(FONT, 44)
    draw.text((size / 2, 440), "LOGO MẪU", font=small, fill=WHITE, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(out.getvalue())
    print(TARGET)


if __name__ == "__main__":
    main()
