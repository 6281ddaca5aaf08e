"""Pictures for the demo newsroom, painted locally with Pillow.

Nothing is downloaded: every picture is a simple illustration (sky, ridges,
lakes, planets, stages …) drawn from a seeded random generator, so the same
key always gives the same picture. A scene is painted at half size and
scaled up, which keeps a picture (painted and encoded) at about 40 ms.
"""

from __future__ import annotations

import io
import itertools
import math
import random
import zlib
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SIZE = (1600, 1067)
WORK = (800, 534)  # painted at this size, then scaled to SIZE
JPEG_QUALITY = 84

Colour = tuple[int, int, int]


def hex_colour(value: str) -> Colour:
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


# Sky top, sky horizon, far ridge, near ridge, ground, accent (sun, lights).
PALETTE_ROLES = ("top", "horizon", "far", "near", "ground", "accent")
PALETTE_COLOURS = {
    "morning": "#7fb2e5 #f6d7b0 #9bb0c9 #5d7a99 #5f8f4e #fff1c4",
    "noon": "#2f7fd1 #bfe0f7 #8aa6c1 #4f6f8f #4f8a3c #fffbe6",
    "dusk": "#2c2a5a #f29e6d #6a5a86 #3b3559 #2f3b45 #ffd27a",
    "night": "#070b1e #1f2f5c #1b2444 #10162d #0c1122 #f4f1d0",
    "winter": "#8fb8de #eef5fb #c9d8e6 #9fb4c8 #f4f7fa #ffffff",
    "autumn": "#d98b4a #f7d9a8 #a0705a #6b4a3a #8a5a2b #fff0c0",
    "spring": "#9ad0ec #f1f7d6 #9ec3a4 #5f9a6a #78b35a #fff8d0",
    "storm": "#3d4654 #8c97a5 #5c6674 #3a424e #4a5a4a #dfe6ee",
    "stage": "#12061f #3a1450 #6b2d8f #1a0b26 #0d0614 #ffcf6b",
    "space": "#02030a #0b1333 #1e6fbf #0d3d73 #2a9d8f #9fd8ff",
    "lake": "#5aa0d8 #dbeef6 #7f9fb8 #4a6a84 #2f6f8f #fff6d6",
    "lab": "#0f2a3a #1d5a6e #34a0a4 #76c893 #d9ed92 #ffffff",
}
PALETTES: dict[str, dict[str, Colour]] = {
    name: dict(zip(PALETTE_ROLES, map(hex_colour, colours.split()), strict=True))
    for name, colours in PALETTE_COLOURS.items()
}


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def _shade(colour: Colour, factor: float) -> Colour:
    return tuple(max(0, min(255, round(c * factor))) for c in colour)  # type: ignore[return-value]


def _gradient(size: tuple[int, int], top: Colour, bottom: Colour) -> Image.Image:
    strip = Image.new("RGB", (1, 256))
    strip.putdata([_mix(top, bottom, i / 255) for i in range(256)])
    return strip.resize(size, Image.Resampling.BICUBIC)


def _glow(
    canvas: Image.Image, centre, radius: float, colour: Colour, strength=0.8, blur: float | None = None
):
    """A soft halo (sun, lamp, atmosphere) blended onto the canvas."""
    w, h = canvas.size
    mask = Image.new("L", (w // 4, h // 4), 0)
    cx, cy, r = centre[0] / 4, centre[1] / 4, radius / 4
    ImageDraw.Draw(mask).ellipse((cx - r, cy - r, cx + r, cy + r), fill=round(255 * strength))
    softness = max(1, (blur if blur is not None else radius / 2) / 4)
    mask = mask.filter(ImageFilter.GaussianBlur(softness)).resize((w, h), Image.Resampling.BILINEAR)
    canvas.paste(Image.new("RGB", (w, h), colour), (0, 0), mask)


def _ridge(rng: random.Random, width: int, base: float, amplitude: float, roughness=0.55, steps=7):
    """A mountain skyline by midpoint displacement: a list of (x, y) points."""
    heights = [base - rng.uniform(0, amplitude), base - rng.uniform(0, amplitude)]
    spread = amplitude
    for _ in range(steps):
        spread *= roughness
        refined = []
        for left, right in itertools.pairwise(heights):
            refined += [left, (left + right) / 2 + rng.uniform(-spread, spread)]
        heights = [*refined, heights[-1]]
    step = width / (len(heights) - 1)
    return [(i * step, y) for i, y in enumerate(heights)]


def _fill_below(draw: ImageDraw.ImageDraw, points, height: int, colour: Colour) -> None:
    draw.polygon([*points, (points[-1][0], height), (points[0][0], height)], fill=colour)


def _snowcaps(draw: ImageDraw.ImageDraw, rng: random.Random, points, line: float, colour: Colour) -> None:
    """Snow on every part of a ridge above the snow line, thickest at the summits."""
    cap: list[tuple[float, float]] = []
    for x, y in [*points, (points[-1][0], line + 1)]:
        if y < line:
            cap.append((x, y))
            continue
        if len(cap) > 1:
            lower = [(cx, cy + (line - cy) * rng.uniform(0.45, 0.75)) for cx, cy in reversed(cap)]
            draw.polygon([*cap, *lower], fill=colour)
        cap = []


def _stars(draw: ImageDraw.ImageDraw, rng: random.Random, size, count: int, below: float = 1.0) -> None:
    w, h = size
    for _ in range(count):
        x, y = rng.uniform(0, w), rng.uniform(0, h * below)
        r = rng.choice((0.6, 0.8, 1.0, 1.4))
        grey = rng.randint(170, 255)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(grey, grey, min(255, grey + 20)))


def _clouds(
    draw: ImageDraw.ImageDraw, rng: random.Random, size, count: int, colour: Colour, top=0.05, bottom=0.45
):
    w, h = size
    for _ in range(count):
        cx, cy = rng.uniform(-50, w + 50), rng.uniform(h * top, h * bottom)
        scale = rng.uniform(0.6, 1.4)
        for _ in range(rng.randint(4, 7)):
            dx, dy = rng.uniform(-70, 70) * scale, rng.uniform(-14, 10) * scale
            rx, ry = rng.uniform(28, 55) * scale, rng.uniform(14, 26) * scale
            draw.ellipse((cx + dx - rx, cy + dy - ry, cx + dx + rx, cy + dy + ry), fill=colour)


def _trees(draw: ImageDraw.ImageDraw, rng: random.Random, y_of: Callable[[float], float], w, count, colour):
    for _ in range(count):
        x = rng.uniform(0, w)
        y = y_of(x) + rng.uniform(2, 20)
        height = rng.uniform(18, 42)
        half = height * 0.32
        draw.polygon([(x, y - height), (x - half, y), (x + half, y)], fill=colour)


def _sky(p, rng) -> Image.Image:
    return _gradient(WORK, p["top"], p["horizon"])


# Scenes ---------------------------------------------------------------------


def _alps(p, rng, lake=False, snow=True):
    w, h = WORK
    img = _sky(p, rng)
    _glow(img, (rng.uniform(0.15, 0.85) * w, h * rng.uniform(0.18, 0.35)), 40, p["accent"], 0.95)
    draw = ImageDraw.Draw(img)
    _clouds(draw, rng, WORK, rng.randint(1, 3), _mix(p["horizon"], (255, 255, 255), 0.5), bottom=0.3)
    horizon = h * (0.62 if lake else 0.72)
    layers = [(p["far"], 0.56, 200), (_mix(p["far"], p["near"], 0.5), 0.62, 150), (p["near"], 0.68, 90)]
    for index, (colour, base, amplitude) in enumerate(layers):
        points = _ridge(rng, w, h * base * (0.95 if lake else 1.0), amplitude, roughness=0.62)
        _fill_below(draw, points, h, colour)
        if snow and index < 2:
            line = min(y for _x, y in points) + amplitude * 0.4
            _snowcaps(draw, rng, points, line, _mix(colour, (255, 255, 255), 0.8))
    if lake:
        water = _gradient((w, round(h - horizon)), _mix(p["horizon"], p["near"], 0.35), p["ground"])
        img.paste(water, (0, round(horizon)))
        for _ in range(40):
            y = rng.uniform(horizon + 6, h)
            x = rng.uniform(0, w)
            length = rng.uniform(20, 90)
            draw.line((x, y, x + length, y), fill=_mix(p["horizon"], (255, 255, 255), 0.4), width=1)
    else:
        meadow = _ridge(rng, w, h * 0.86, 30, roughness=0.45)
        _fill_below(draw, meadow, h, p["ground"])
        _trees(draw, rng, lambda x: h * 0.84, w, 26, _shade(p["ground"], 0.55))
    return img


def _lake(p, rng):
    return _alps(p, rng, lake=True)


def _hills(p, rng, houses=True):
    w, h = WORK
    img = _sky(p, rng)
    _glow(img, (rng.uniform(0.1, 0.9) * w, h * 0.25), 34, p["accent"], 0.9)
    draw = ImageDraw.Draw(img)
    _clouds(draw, rng, WORK, rng.randint(2, 4), _mix(p["horizon"], (255, 255, 255), 0.6))
    for index in range(4):
        base = h * (0.55 + index * 0.1)
        phase, freq, amp = rng.uniform(0, 6), rng.uniform(1.2, 2.6), rng.uniform(14, 30)
        colour = _mix(p["far"], p["ground"], index / 3)

        def y_of(x, base=base, phase=phase, freq=freq, amp=amp):
            return base + math.sin(x / w * math.pi * freq + phase) * amp

        _fill_below(draw, [(x, y_of(x)) for x in range(0, w + 20, 20)], h, colour)
        if index == 2:
            _trees(draw, rng, y_of, w, 14, _shade(colour, 0.6))
        if index == 3 and houses:
            for _ in range(rng.randint(3, 6)):
                x = rng.uniform(40, w - 80)
                y = y_of(x) + 14
                bw, bh = rng.uniform(26, 44), rng.uniform(18, 28)
                wall = rng.choice([(240, 232, 214), (236, 220, 200), (250, 244, 236)])
                draw.rectangle((x, y - bh, x + bw, y), fill=wall)
                draw.polygon(
                    [(x - 5, y - bh), (x + bw / 2, y - bh - 16), (x + bw + 5, y - bh)], fill=(150, 60, 50)
                )
    return img


def _meadow(p, rng):
    img = _hills(p, rng, houses=False)
    w, h = WORK
    draw = ImageDraw.Draw(img)
    flowers = [(245, 205, 60), (240, 240, 250), (220, 110, 160), (150, 120, 220), (250, 150, 80)]
    for _ in range(420):
        x, y = rng.uniform(0, w), rng.uniform(h * 0.8, h)
        r = 1.5 + (y - h * 0.8) / (h * 0.2) * 3
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice(flowers))
    return img


def _orbit(p, rng):
    """The Earth's curved edge seen from orbit."""
    w, h = WORK
    img = _gradient(WORK, p["top"], p["horizon"])
    draw = ImageDraw.Draw(img)
    _stars(draw, rng, WORK, 160, below=0.55)
    radius = w * rng.uniform(1.1, 1.5)
    cx, cy = w * rng.uniform(0.3, 0.7), h * 0.62 + radius
    _glow(img, (cx, cy), radius + 18, p["accent"], 0.9, blur=30)
    draw = ImageDraw.Draw(img)
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=p["far"])
    for _ in range(26):  # cloud bands
        x = rng.uniform(0, w)
        y = rng.uniform(h * 0.66, h)
        draw.ellipse((x - 60, y - 5, x + 60, y + 5), fill=_mix(p["far"], (255, 255, 255), 0.65))
    for _ in range(4):  # land
        x, y = rng.uniform(0, w), rng.uniform(h * 0.72, h)
        draw.ellipse((x - 70, y - 18, x + 90, y + 22), fill=_mix(p["ground"], p["near"], 0.4))
    return img


def _planet(p, rng, ring=None):
    w, h = WORK
    img = _gradient(WORK, p["top"], p["horizon"])
    draw = ImageDraw.Draw(img)
    _stars(draw, rng, WORK, 220)
    cx, cy, r = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.4, 0.6), h * rng.uniform(0.22, 0.3)
    _glow(img, (cx, cy), r * 1.25, p["far"], 0.5)
    body = _gradient((round(2 * r), round(2 * r)), _mix(p["far"], (255, 255, 255), 0.25), p["near"])
    mask = Image.new("L", body.size, 0)
    ImageDraw.Draw(mask).ellipse((0, 0, body.size[0] - 1, body.size[1] - 1), fill=255)
    band = ImageDraw.Draw(body)
    for _ in range(6):
        y = rng.uniform(0, 2 * r)
        band.rectangle((0, y, 2 * r, y + rng.uniform(3, 12)), fill=_mix(p["far"], p["near"], rng.random()))
    shadow = Image.new("L", body.size, 0)
    ImageDraw.Draw(shadow).ellipse((r * 0.5, -r * 0.3, r * 2.6, r * 2.2), fill=140)
    body.paste((0, 0, 0), (0, 0), shadow.filter(ImageFilter.GaussianBlur(r / 5)))
    img.paste(body, (round(cx - r), round(cy - r)), mask)
    if ring is None:
        ring = rng.random() < 0.5
    if ring:
        draw = ImageDraw.Draw(img)
        draw.ellipse((cx - r * 1.9, cy - r * 0.35, cx + r * 1.9, cy + r * 0.35), outline=p["accent"], width=3)
    return img


def _satellite(p, rng):
    img = _orbit(p, rng)
    w, h = WORK
    draw = ImageDraw.Draw(img)
    cx, cy, s = w * rng.uniform(0.4, 0.6), h * rng.uniform(0.28, 0.4), rng.uniform(34, 44)
    panel = (40, 70, 140)
    for side in (-1, 1):
        x0 = cx + side * s * 0.7
        x1 = cx + side * s * 2.6
        draw.rectangle(
            (min(x0, x1), cy - s * 0.35, max(x0, x1), cy + s * 0.35), fill=panel, outline=(170, 190, 220)
        )
        for k in range(1, 4):
            x = x0 + (x1 - x0) * k / 4
            draw.line((x, cy - s * 0.35, x, cy + s * 0.35), fill=(170, 190, 220))
    draw.rectangle((cx - s * 0.55, cy - s * 0.55, cx + s * 0.55, cy + s * 0.55), fill=(210, 180, 90))
    draw.rectangle((cx - s * 0.55, cy - s * 0.55, cx + s * 0.55, cy - s * 0.2), fill=(235, 215, 140))
    draw.line((cx, cy - s * 0.55, cx + s * 0.3, cy - s * 1.3), fill=(230, 230, 230), width=2)
    return img


def _launch(p, rng):
    w, h = WORK
    img = _sky(p, rng)
    draw = ImageDraw.Draw(img)
    ground = h * 0.84
    cx = w * rng.uniform(0.4, 0.6)
    top = h * rng.uniform(0.2, 0.32)
    for i in range(60):  # exhaust cloud
        t = i / 60
        x = cx + rng.uniform(-1, 1) * (30 + 220 * t)
        y = ground - rng.uniform(0, 40) * (1 - t) + rng.uniform(-10, 10)
        r = rng.uniform(18, 42)
        draw.ellipse(
            (x - r, y - r, x + r, y + r), fill=_mix((235, 235, 240), p["horizon"], rng.uniform(0, 0.4))
        )
    flame_top = top + 150
    _glow(img, (cx, flame_top + 40), 46, p["accent"], 1.0)
    draw = ImageDraw.Draw(img)
    draw.polygon([(cx - 10, flame_top), (cx + 10, flame_top), (cx, flame_top + 110)], fill=(255, 200, 90))
    draw.rectangle((cx - 12, top + 20, cx + 12, flame_top), fill=(240, 240, 244))
    draw.polygon([(cx - 12, top + 20), (cx + 12, top + 20), (cx, top - 10)], fill=(200, 60, 50))
    draw.polygon([(cx - 12, flame_top - 30), (cx - 26, flame_top), (cx - 12, flame_top)], fill=(200, 60, 50))
    draw.polygon([(cx + 12, flame_top - 30), (cx + 26, flame_top), (cx + 12, flame_top)], fill=(200, 60, 50))
    _fill_below(draw, [(0, ground), (w, ground)], h, p["ground"])
    draw.rectangle((cx - 70, ground - 150, cx - 55, ground), fill=_shade(p["near"], 0.7))
    return img


def _dish(p, rng):
    """A ground station: a dish antenna on a roof under the night sky."""
    w, h = WORK
    img = _sky(p, rng)
    draw = ImageDraw.Draw(img)
    _stars(draw, rng, WORK, 180, below=0.7)
    _fill_below(draw, _ridge(rng, w, h * 0.75, 60), h, p["far"])
    roof = h * 0.8
    _fill_below(draw, [(0, roof), (w, roof)], h, p["near"])
    cx, cy, r = w * rng.uniform(0.3, 0.7), roof - 110, 80
    draw.line((cx, cy + 30, cx, roof), fill=(190, 196, 210), width=8)
    draw.chord((cx - r, cy - r, cx + r, cy + r), 200, 380, fill=(220, 226, 236))
    draw.chord((cx - r * 0.8, cy - r * 0.8, cx + r * 0.8, cy + r * 0.8), 205, 375, fill=(180, 188, 204))
    draw.line((cx, cy, cx - 30, cy - 70), fill=(190, 196, 210), width=3)
    _glow(img, (cx - 30, cy - 70), 10, p["accent"], 1.0)
    return img


def _city(p, rng):
    w, h = WORK
    img = _sky(p, rng)
    _glow(img, (w * rng.uniform(0.2, 0.8), h * 0.55), 70, p["accent"], 0.8)
    draw = ImageDraw.Draw(img)
    lit = _mix(p["accent"], (255, 220, 140), 0.5)
    for layer, colour in enumerate((p["far"], p["near"])):
        x = -10.0
        while x < w:
            bw = rng.uniform(30, 80)
            bh = rng.uniform(60, 200) * (1.2 if layer else 0.9)
            top = h * 0.82 - bh
            draw.rectangle((x, top, x + bw, h), fill=colour)
            if rng.random() < 0.2:
                draw.polygon([(x, top), (x + bw / 2, top - 30), (x + bw, top)], fill=colour)
            if layer:
                for wy in range(round(top + 10), round(h * 0.8), 16):
                    for wx in range(round(x + 6), round(x + bw - 8), 14):
                        if rng.random() < 0.35:
                            draw.rectangle((wx, wy, wx + 5, wy + 7), fill=lit)
            x += bw + rng.uniform(-6, 6)
    _fill_below(draw, [(0, h * 0.86), (w, h * 0.86)], h, p["ground"])
    return img


def _train(p, rng):
    """Hills with a red train crossing a viaduct."""
    img = _hills(p, rng, houses=False)
    w, h = WORK
    draw = ImageDraw.Draw(img)
    deck = h * 0.62
    stone = _mix(p["far"], (200, 190, 175), 0.6)
    draw.rectangle((0, deck, w, deck + 14), fill=stone)
    for x in range(-20, w + 80, 80):
        draw.rectangle((x, deck, x + 80, h), fill=stone)
        draw.chord(
            (x + 12, deck + 40, x + 68, deck + 150), 180, 360, fill=_mix(p["horizon"], p["ground"], 0.4)
        )
        draw.rectangle((x + 12, deck + 95, x + 68, h), fill=_mix(p["horizon"], p["ground"], 0.4))
    start = rng.uniform(0.1, 0.4) * w
    for car in range(rng.randint(3, 5)):
        x = start + car * 92
        draw.rounded_rectangle((x, deck - 38, x + 86, deck - 2), radius=8, fill=(196, 30, 40))
        for k in range(5):
            draw.rectangle((x + 8 + k * 15, deck - 31, x + 18 + k * 15, deck - 20), fill=(235, 240, 245))
    return img


def _stage(p, rng):
    w, h = WORK
    img = _gradient(WORK, p["top"], p["horizon"])
    overlay = Image.new("RGBA", WORK, (0, 0, 0, 0))
    od = ImageDraw.Draw(overlay)
    colours = [p["accent"], p["far"], (120, 200, 255), (255, 120, 160)]
    for _ in range(rng.randint(3, 5)):  # spotlight cones
        x = rng.uniform(0, w)
        spread = rng.uniform(60, 150)
        colour = rng.choice(colours)
        od.polygon([(x, 0), (x - spread + rng.uniform(-200, 200), h), (x + spread, h)], fill=(*colour, 60))
    for _ in range(30):  # bokeh
        x, y, r = rng.uniform(0, w), rng.uniform(0, h * 0.6), rng.uniform(6, 22)
        od.ellipse((x - r, y - r, x + r, y + r), fill=(*rng.choice(colours), 50))
    img = Image.alpha_composite(img.convert("RGBA"), overlay.filter(ImageFilter.GaussianBlur(3))).convert(
        "RGB"
    )
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, h * 0.7, w, h * 0.74), fill=_shade(p["far"], 0.5))
    for _ in range(70):  # audience heads
        x, y = rng.uniform(-10, w + 10), rng.uniform(h * 0.82, h * 1.02)
        r = rng.uniform(16, 24)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=p["ground"])
        draw.ellipse((x - r * 1.6, y + r * 0.8, x + r * 1.6, y + r * 3), fill=p["ground"])
    return img


def _snow(p, rng):
    """A ski slope with pines and tracks."""
    img = _alps(p, rng)
    w, h = WORK
    draw = ImageDraw.Draw(img)
    slope = [(x, h * 0.62 + x / w * h * 0.25 + math.sin(x / 90) * 6) for x in range(0, w + 20, 20)]
    _fill_below(draw, slope, h, (246, 249, 252))
    for _ in range(22):
        x = rng.uniform(0, w)
        y = h * 0.62 + x / w * h * 0.25 + rng.uniform(0, 60)
        tall = rng.uniform(20, 46)
        draw.polygon([(x, y - tall), (x - tall * 0.3, y), (x + tall * 0.3, y)], fill=(40, 80, 60))
    for _ in range(4):
        x0 = rng.uniform(0, w)
        points = [(x0 + math.sin(t / 4) * 30 + t * 3, h * 0.7 + t * 4) for t in range(0, 60)]
        draw.line(points, fill=(200, 212, 226), width=2)
    return img


def _weather(p, rng):
    w, h = WORK
    img = _sky(p, rng)
    draw = ImageDraw.Draw(img)
    _fill_below(draw, _ridge(rng, w, h * 0.78, 80), h, p["far"])
    _fill_below(draw, _ridge(rng, w, h * 0.88, 30), h, p["ground"])
    _clouds(draw, rng, WORK, 9, _mix(p["horizon"], p["top"], 0.4), top=0.0, bottom=0.3)
    _clouds(draw, rng, WORK, 6, _mix(p["horizon"], (255, 255, 255), 0.4), top=0.05, bottom=0.35)
    if rng.random() < 0.6:
        for _ in range(260):
            x, y = rng.uniform(0, w), rng.uniform(h * 0.3, h)
            draw.line((x, y, x - 5, y + 16), fill=_mix(p["accent"], p["top"], 0.4), width=1)
    return img


def _river(p, rng):
    img = _alps(p, rng, snow=False)
    w, h = WORK
    draw = ImageDraw.Draw(img)
    water = _mix(p["horizon"], (60, 140, 170), 0.55)
    left, right = [], []
    for i in range(0, 41):
        t = i / 40
        y = h * 0.72 + t * h * 0.28
        centre = w * 0.5 + math.sin(t * 4 + rng.uniform(0, 0.2)) * 120 * t
        half = 6 + t * 150
        left.append((centre - half, y))
        right.append((centre + half, y))
    draw.polygon([*left, *reversed(right)], fill=water)
    for _ in range(30):
        t = rng.random()
        y = h * 0.72 + t * h * 0.28
        x = w * 0.5 + math.sin(t * 4) * 120 * t + rng.uniform(-1, 1) * t * 120
        draw.line((x, y, x + 10 + 30 * t, y), fill=_mix(water, (255, 255, 255), 0.5), width=1)
    return img


def _contours(p, rng):
    """A relief map: tinted height levels around a few summits, with a grid."""
    w, h = WORK
    img = Image.new("RGB", WORK, _mix(p["horizon"], (255, 255, 255), 0.4))
    draw = ImageDraw.Draw(img)
    levels = 11
    for _ in range(rng.randint(2, 3)):
        cx, cy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.25, 0.75) * h
        wobble = [rng.uniform(-0.12, 0.12) for _ in range(5)]
        stretch = rng.uniform(1.1, 1.6)
        for level in range(levels, 0, -1):
            radius = level * 22
            points = []
            for k in range(72):
                a = k / 72 * 2 * math.pi
                factor = 1 + sum(wb * math.sin(a * (n + 2) + n * 1.7) for n, wb in enumerate(wobble))
                points.append(
                    (cx + math.cos(a) * radius * factor * stretch, cy + math.sin(a) * radius * factor)
                )
            tint = _mix(p["horizon"], p["far"], 1 - level / levels)
            line = _shade(p["near"], 0.9)
            draw.polygon(points, fill=tint, outline=line, width=2 if level % 5 == 0 else 1)
    for x in range(0, w, 100):
        draw.line((x, 0, x, h), fill=_mix(p["horizon"], p["near"], 0.3))
    for y in range(0, h, 100):
        draw.line((0, y, w, y), fill=_mix(p["horizon"], p["near"], 0.3))
    return img


def _ice(p, rng):
    img = _alps(p, rng, lake=True)
    w, h = WORK
    draw = ImageDraw.Draw(img)
    top = h * 0.62
    ice = _gradient((w, round(h - top)), (214, 232, 244), _mix(p["near"], (190, 215, 235), 0.6))
    img.paste(ice, (0, round(top)))
    for _ in range(18):
        x, y = rng.uniform(0, w), rng.uniform(top + 10, h)
        points = [(x, y)]
        for _ in range(rng.randint(3, 7)):
            x += rng.uniform(-40, 40)
            y += rng.uniform(-12, 12)
            points.append((x, y))
        draw.line(points, fill=_mix(p["near"], (255, 255, 255), 0.35), width=1)
    return img


def _pass_road(p, rng):
    """A road winding up to a pass."""
    img = _alps(p, rng)
    w, h = WORK
    draw = ImageDraw.Draw(img)
    points = []
    for i in range(0, 9):
        y = h - i * (h * 0.3 / 8)
        x = w * 0.5 + (140 - i * 14) * (1 if i % 2 else -1)
        points.append((x, y))
    draw.line(points, fill=(90, 90, 96), width=9, joint="curve")
    draw.line(points, fill=(235, 235, 235), width=1)
    return img


def _lab(p, rng):
    """Molecules: linked nodes on a dark gradient (science in general)."""
    w, h = WORK
    img = _gradient(WORK, p["top"], p["horizon"])
    draw = ImageDraw.Draw(img)
    nodes = [(rng.uniform(0, w), rng.uniform(0, h), rng.uniform(6, 20)) for _ in range(34)]
    for i, (x, y, _r) in enumerate(nodes):
        for x2, y2, _r2 in nodes[i + 1 :]:
            if math.dist((x, y), (x2, y2)) < 150:
                draw.line((x, y, x2, y2), fill=_mix(p["far"], p["top"], 0.4), width=2)
    palette = [p["far"], p["near"], p["ground"], p["accent"]]
    for x, y, r in nodes:
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice(palette))
        draw.ellipse((x - r * 0.5, y - r * 0.6, x - r * 0.1, y - r * 0.2), fill=(255, 255, 255))
    return img


SCENES: dict[str, Callable[[dict[str, Colour], random.Random], Image.Image]] = {
    "alps": _alps,
    "lake": _lake,
    "hills": _hills,
    "meadow": _meadow,
    "orbit": _orbit,
    "planet": _planet,
    "satellite": _satellite,
    "launch": _launch,
    "dish": _dish,
    "city": _city,
    "train": _train,
    "stage": _stage,
    "snow": _snow,
    "weather": _weather,
    "river": _river,
    "contours": _contours,
    "ice": _ice,
    "pass": _pass_road,
    "lab": _lab,
}


def seeded(key: str) -> random.Random:
    """The same generator for the same key, on every machine and run."""
    return random.Random(zlib.crc32(key.encode()))


def paint(scene: str, palette: str, key: str) -> Image.Image:
    picture = SCENES[scene](PALETTES[palette], seeded(key))
    # A light blur before scaling up softens the stair-stepped edges of the shapes.
    return picture.filter(ImageFilter.BoxBlur(0.6)).resize(SIZE, Image.Resampling.BILINEAR)


def jpeg(scene: str, palette: str, key: str) -> bytes:
    """A 1600×1067 JPEG of the scene, the same bytes for the same arguments."""
    out = io.BytesIO()
    paint(scene, palette, key).save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


# System fonts with umlauts, when installed; Pillow's own font lacks them.
FONTS = ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "FreeSansBold.ttf")
TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in FONTS:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _has_glyphs(font, text: str) -> bool:
    """Whether the font draws every letter (a missing one comes out as the same box)."""
    missing = font.getmask("\uffff").getbbox()
    return all(font.getmask(ch).getbbox() != missing for ch in set(text) if ch.strip())


def logo(name: str, background: str, foreground: str = "#ffffff") -> bytes:
    """A wordmark on a coloured field (PNG, 3:1) for a partner or publisher; legible at 120 px."""
    w, h = 600, 200
    bg, fg = hex_colour(background), hex_colour(foreground)
    img = Image.new("RGB", (w, h), bg)
    draw = ImageDraw.Draw(img)
    # A small mountain emblem before the name.
    draw.polygon([(28, 140), (68, 60), (88, 96), (104, 74), (140, 140)], fill=fg)
    draw.polygon([(68, 60), (79, 82), (57, 82)], fill=_mix(bg, fg, 0.5))
    room = w - 170
    size = 96
    font = _font(size)
    if not _has_glyphs(font, name):
        name = name.translate(TRANSLITERATION)
    while draw.textlength(name, font=font) > room and size > 40:
        size -= 4
        font = _font(size)
    draw.text((160, h / 2), name, font=font, fill=fg, anchor="lm")
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


def portrait(name: str, background: str) -> bytes:
    """A stand-in portrait (JPEG, square): head and shoulders in silhouette and the initials."""
    size = 480
    bg = hex_colour(background)
    img = _gradient((size, size), _shade(bg, 1.15), _shade(bg, 0.8))
    draw = ImageDraw.Draw(img)
    figure = _mix(bg, (255, 255, 255), 0.35)
    draw.ellipse((size * 0.32, size * 0.18, size * 0.68, size * 0.56), fill=figure)
    draw.ellipse((size * 0.14, size * 0.6, size * 0.86, size * 1.3), fill=figure)
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    draw.text((size / 2, size * 0.84), initials, font=_font(64), fill=(255, 255, 255), anchor="mm")
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue()
