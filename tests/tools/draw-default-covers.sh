#!/usr/bin/env bash
# Draws the covers (1080x600) and the one body image of the default site in
# content/, the demo blog of "Atelier Mésange". Everything is drawn with
# ImageMagick 6 (`convert`) and the DejaVu fonts, so that the images can be
# remade on any machine: no photo, no stock picture.
#
#   tests/tools/draw-default-covers.sh        # from anywhere in the repository
#
# The files are overwritten. Check them afterwards with
#   identify content/public/blog/2026/*.jpg
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/content/public/blog/2026"
mkdir -p "$out"

command -v convert >/dev/null || { echo "ImageMagick's convert is needed" >&2; exit 1; }

W=1080
H=600
SANS=DejaVu-Sans
BOLD=DejaVu-Sans-Bold

# The palette of Atelier Mésange.
NAVY='#1d3557'
INK='#1b2a41'
TEAL='#2a9d8f'
YELLOW='#f4c430'
CREAM='#fff8ec'
CORAL='#e76f51'
SKY='#a8dadc'

# Writes a JPEG as content/billet.yml asks for: no metadata, quality 82.
save() { # <file> then convert's output options
  local file="$1"
  shift
  "$@" -strip -sampling-factor 4:2:0 -interlace JPEG -quality 82 "$file"
}

# The mésange of the logo, as MVG: a round yellow bird with a dark cap, a
# white cheek and a blue-grey wing, facing right. Its body is centred on
# (x, y); scale 1 makes it about 330 pixels wide.
bird() { # <x> <y> <scale>
  cat <<EOF
push graphic-context
translate $1,$2
scale $3,$3
stroke none
fill '#40566e'
polygon -60,0 -190,62 -172,92 -50,58
fill '#2f4358'
polygon -60,30 -182,78 -172,92 -50,58
fill '$YELLOW'
ellipse 0,20 112,92 0,360
fill '#f8d562'
ellipse 18,52 66,42 0,360
fill '$INK'
ellipse 62,35 14,58 0,360
fill '#5b7c99'
path 'M 40,-10 C 10,-40 -80,-20 -95,40 C -60,70 20,60 40,-10 Z'
fill '#7f9bb5'
path 'M 30,-8 C 0,-30 -60,-18 -75,20 C -40,24 10,16 30,-8 Z'
fill '$INK'
circle 72,-58 72,2
fill '#ffffff'
ellipse 84,-44 34,24 0,360
fill '$CORAL'
polygon 124,-74 158,-62 124,-50
fill '#ffffff'
circle 96,-80 96,-69
fill '$INK'
circle 99,-80 99,-74
fill '#ffffff'
circle 101,-82 101,-80
stroke '#6b4f3a'
stroke-width 7
stroke-linecap round
line -10,105 -20,132
line 25,108 22,134
pop graphic-context
EOF
}

# A branch from the left edge to (x, y), with a few leaves.
branch() { # <x> <y>
  cat <<EOF
push graphic-context
stroke '#6b4f3a'
stroke-width 16
stroke-linecap round
fill none
path 'M -20,$(($2 + 40)) Q $(($1 / 2)),$(($2 + 10)) $1,$2'
stroke-width 9
path 'M $(($1 - 160)),$(($2 + 14)) Q $(($1 - 120)),$(($2 - 40)) $(($1 - 60)),$(($2 - 60))'
stroke none
fill '#6fbf73'
push graphic-context
translate $(($1 - 60)),$(($2 - 62))
rotate -35
ellipse 0,0 34,14 0,360
pop graphic-context
push graphic-context
translate $(($1 - 150)),$(($2 - 10))
rotate -70
ellipse 0,0 30,12 0,360
pop graphic-context
fill '#4fa36b'
push graphic-context
translate $(($1 + 20)),$(($2 + 8))
rotate 20
ellipse 0,0 34,13 0,360
pop graphic-context
pop graphic-context
EOF
}

# Soft light circles over a background, for depth.
bubbles() { # <colour with alpha>
  cat <<EOF
fill '$1'
circle 90,90 90,250
circle 980,560 980,760
circle 560,-40 560,90
circle 300,620 300,700
EOF
}

# 1. "Mésange 2.0 : les adhésions en ligne" (fr/blog/2026)
slug=mesange-2-0-les-adhesions-en-ligne
save "$out/$slug.jpg" convert -size ${W}x${H} \
  -define gradient:angle=120 gradient:"$NAVY"-"$TEAL" \
  -draw "$(bubbles 'rgba(255,255,255,0.07)')" \
  -draw "$(branch 860 430)" \
  -draw "$(bird 800 300 0.95)" \
  -fill "$CREAM" -font "$BOLD" -pointsize 92 -annotate +88+250 'Mésange' \
  -fill "$YELLOW" -pointsize 150 -annotate +84+400 '2.0' \
  -fill "$CREAM" -font "$SANS" -pointsize 34 -annotate +92+470 'Les adhésions en ligne'

# 2. "Mésange 2.0: online membership is here" (en/blog)
# A membership card with a tick, the bird perched on its top edge.
slug=mesange-2-0-online-membership-is-here
save "$out/$slug.jpg" convert -size ${W}x${H} \
  -define gradient:angle=160 gradient:'#fff4dc'-'#ffd6a5' \
  -draw "fill 'rgba(244,196,48,0.35)' circle 900,110 900,300" \
  -draw "fill 'rgba(255,255,255,0.45)' circle 110,580 110,780" \
  \( -size ${W}x${H} xc:none -fill 'rgba(60,40,20,0.35)' \
     -draw "roundrectangle 520,230 980,520 34,34" -blur 0x18 \) -geometry +0+14 -composite \
  -draw "fill '#ffffff' roundrectangle 520,230 980,520 34,34" \
  -draw "fill '$NAVY' roundrectangle 520,230 980,310 34,34 rectangle 520,278 980,310" \
  -draw "fill '$SKY' circle 610,410 610,462" \
  -draw "fill '$NAVY' circle 610,394 610,416 ellipse 610,450 40,26 180,360" \
  -draw "fill '#d9dde3' roundrectangle 690,362 930,382 10,10 roundrectangle 690,404 870,424 10,10 roundrectangle 690,446 910,466 10,10" \
  -draw "fill '$TEAL' circle 975,505 975,553" \
  -draw "stroke '#ffffff' stroke-width 12 stroke-linecap round stroke-linejoin round fill none polyline 953,505 969,521 999,489" \
  -fill "$CREAM" -font "$BOLD" -pointsize 30 -annotate +552+282 'MEMBER  2027' \
  -draw "$(bird 690 162 0.5)" \
  -fill "$NAVY" -font "$BOLD" -pointsize 58 -annotate +70+250 'Online' \
  -annotate +70+320 'membership' \
  -fill "$CORAL" -font "$SANS" -pointsize 32 -annotate +74+385 'Mésange 2.0'

# A person seen across a table: shoulders then head, as MVG.
person() { # <x> <head y> <shirt colour> <skin colour> <hair colour>
  cat <<EOF
fill '$3'
ellipse $1,$(($2 + 130)) 78,92 180,360
rectangle $(($1 - 78)),$(($2 + 129)) $(($1 + 78)),$(($2 + 200))
fill '$5'
circle $1,$(($2 - 6)) $1,$(($2 - 52))
fill '$4'
circle $1,$(($2 + 8)) $1,$(($2 - 34))
fill '$5'
ellipse $1,$(($2 - 22)) 44,24 180,360
EOF
}

# 3. "Rencontre des trésoriers à Rennes le 5 décembre" (fr/blog/2026)
# Three people around a table, coffee, a laptop, and a speech bubble in euros.
slug=rencontre-des-tresoriers-a-rennes-le-5-decembre
save "$out/$slug.jpg" convert -size ${W}x${H} \
  -define gradient:angle=160 gradient:'#f4a261'-'#b5577b' \
  -draw "$(bubbles 'rgba(255,255,255,0.08)')" \
  -draw "$(person 640 300 "$TEAL" '#f1c6a3' '#4a3426')" \
  -draw "$(person 800 270 "$YELLOW" '#8d5b3e' "$INK")" \
  -draw "$(person 960 310 "$NAVY" '#e8b896' '#c97b3d')" \
  \( -size ${W}x${H} xc:none -fill 'rgba(60,20,30,0.35)' \
     -draw "ellipse 800,500 272,66 0,360" -blur 0x14 \) -geometry +0+16 -composite \
  -draw "fill '#d9c2a7' ellipse 800,512 272,66 0,360" \
  -draw "fill '$CREAM' ellipse 800,496 272,66 0,360" \
  -draw "fill '#c9ced6' polygon 740,500 880,500 900,520 720,520" \
  -draw "fill '#8a94a3' polygon 752,430 868,430 880,500 740,500" \
  -draw "fill '$YELLOW' circle 810,465 810,475" \
  -draw "fill '#ffffff' roundrectangle 600,478 636,522 6,6 ellipse 618,478 18,6 0,360" \
  -draw "fill '#6b4f3a' ellipse 618,479 14,4 0,360" \
  -draw "fill '#ffffff' roundrectangle 950,470 986,514 6,6 ellipse 968,470 18,6 0,360" \
  -draw "fill '#6b4f3a' ellipse 968,471 14,4 0,360" \
  -draw "fill '#ffffff' roundrectangle 660,70 800,160 26,26 polygon 700,158 730,158 690,190" \
  -fill "$CORAL" -font "$BOLD" -pointsize 64 -annotate +703+139 '€' \
  -draw "fill 'rgba(255,255,255,0.85)' roundrectangle 850,110 960,170 24,24 polygon 880,168 905,168 895,192" \
  -draw "fill '$CORAL' circle 875,140 875,147 circle 905,140 905,147 circle 935,140 935,147" \
  -fill "$CREAM" -font "$BOLD" -pointsize 72 -annotate +70+245 'Rencontre' \
  -pointsize 46 -annotate +72+305 'des trésoriers' \
  -font "$SANS" -pointsize 32 -annotate +74+375 'Rennes · 5 décembre'

# 4. "Importer vos adhérents depuis un tableur" (fr/blog)
# A spreadsheet, an arrow, and the same people as a list in Mésange.
slug=importer-vos-adherents-depuis-un-tableur
grid_rows=""
for i in 0 1 2 3 4 5; do
  y=$((212 + i * 50))
  grid_rows+="fill '#d9dde3' roundrectangle 88,$((y + 16)) $((120 + (i * 37) % 40)),$((y + 30)) 6,6 "
  grid_rows+="roundrectangle 186,$((y + 16)) $((240 + (i * 53) % 60)),$((y + 30)) 6,6 "
  grid_rows+="roundrectangle 336,$((y + 16)) $((400 + (i * 29) % 50)),$((y + 30)) 6,6 "
  grid_rows+="fill '#e7eaee' rectangle 70,$((y + 49)) 470,$((y + 50)) "
done
members=""
colours=("$TEAL" "$CORAL" "$YELLOW" "$SKY")
for i in 0 1 2 3; do
  y=$((238 + i * 66))
  members+="fill '${colours[$i]}' circle 728,$((y + 24)) 728,$((y + 46)) "
  members+="fill '#c9ced6' roundrectangle 770,$((y + 10)) $((900 - i * 20)),$((y + 22)) 6,6 "
  members+="fill '#e3e6ea' roundrectangle 770,$((y + 30)) $((860 + i * 15)),$((y + 40)) 5,5 "
  members+="fill '$TEAL' circle 975,$((y + 24)) 975,$((y + 36)) "
done
save "$out/$slug.jpg" convert -size ${W}x${H} \
  -define gradient:angle=135 gradient:'#eaf6ee'-'#b9e3cf' \
  -draw "fill 'rgba(255,255,255,0.5)' circle 1000,80 1000,260 circle 60,600 60,700" \
  \( -size ${W}x${H} xc:none -fill 'rgba(20,60,50,0.25)' \
     -draw "roundrectangle 70,150 470,520 22,22 roundrectangle 690,170 1010,530 22,22" -blur 0x16 \) \
     -geometry +0+12 -composite \
  -draw "fill '#ffffff' roundrectangle 70,150 470,520 22,22" \
  -draw "fill '$TEAL' roundrectangle 70,150 470,212 22,22 rectangle 70,190 470,212" \
  -draw "$grid_rows" \
  -draw "fill '#e7eaee' rectangle 168,212 169,520 rectangle 318,212 319,520" \
  -fill '#ffffff' -font "$BOLD" -pointsize 26 -annotate +110+191 'A' -annotate +236+191 'B' -annotate +386+191 'C' \
  -draw "fill '$NAVY' roundrectangle 90,490 300,540 14,14" \
  -fill "$CREAM" -font DejaVu-Sans-Mono -pointsize 22 -annotate +108+523 'adherents.csv' \
  -draw "stroke '$CORAL' stroke-width 18 stroke-linecap round line 515,340 620,340" \
  -draw "fill '$CORAL' polygon 612,306 662,340 612,374" \
  -draw "fill '#ffffff' roundrectangle 690,170 1010,530 22,22" \
  -draw "fill '$NAVY' roundrectangle 690,170 1010,228 22,22 rectangle 690,206 1010,228" \
  -fill "$CREAM" -font "$BOLD" -pointsize 26 -annotate +716+209 'Adhérents' \
  -draw "$members" \
  -draw "$(bird 930 106 0.48)" \
  -draw "fill '$NAVY' roundrectangle 70,58 270,106 24,24" \
  -fill "$CREAM" -font "$BOLD" -pointsize 24 -annotate +96+91 'TUTORIEL'

# Body image of post 1: the membership form as a member sees it (1200x800).
name=formulaire
slug=mesange-2-0-les-adhesions-en-ligne
save "$out/$slug-$name.jpg" convert -size 1200x800 \
  -define gradient:angle=180 gradient:'#eef2f6'-'#dde5ee' \
  \( -size 1200x800 xc:none -fill 'rgba(20,40,70,0.25)' \
     -draw "roundrectangle 80,50 1120,760 18,18" -blur 0x20 \) -geometry +0+14 -composite \
  -draw "fill '#ffffff' roundrectangle 80,50 1120,760 18,18" \
  -draw "fill '#f1f3f6' roundrectangle 80,50 1120,112 18,18 rectangle 80,90 1120,112" \
  -draw "fill '#e0e4ea' rectangle 80,112 1120,113" \
  -draw "fill '$CORAL' circle 118,81 118,89 fill '$YELLOW' circle 146,81 146,89 fill '$TEAL' circle 174,81 174,89" \
  -draw "fill '#ffffff' roundrectangle 300,66 900,96 15,15" \
  -draw "fill '#9aa4b1' roundrectangle 322,76 332,88 2,2 fill none stroke '#9aa4b1' stroke-width 2 ellipse 327,76 4,5 180,360" \
  -draw "fill '#d0d6de' roundrectangle 346,77 560,85 4,4" \
  -draw "$(bird 215 220 0.32)" \
  -fill "$NAVY" -font "$BOLD" -pointsize 44 -annotate +290+215 'Adhérer en ligne' \
  -fill '#5d6b7c' -font "$SANS" -pointsize 24 -annotate +292+255 'Saison 2026-2027 · paiement sécurisé' \
  -fill '#3d4a5a' -font "$BOLD" -pointsize 20 \
  -annotate +160+330 'Prénom' -annotate +620+330 'Nom' -annotate +160+440 'Courriel' -annotate +160+550 'Formule' \
  -draw "fill '#ffffff' stroke '#c9d1db' stroke-width 2 roundrectangle 160,345 580,400 10,10 roundrectangle 620,345 1040,400 10,10 roundrectangle 160,455 1040,510 10,10" \
  -fill '#1b2a41' -font "$SANS" -pointsize 22 \
  -annotate +180+381 'Camille' -annotate +640+381 'Martin' -annotate +180+491 'camille.martin@example.org' \
  -draw "fill '#e8f6f4' stroke '$TEAL' stroke-width 3 roundrectangle 160,565 440,625 12,12" \
  -draw "fill '#ffffff' stroke '#c9d1db' stroke-width 2 roundrectangle 460,565 740,625 12,12 roundrectangle 760,565 1040,625 12,12" \
  -draw "fill '$TEAL' circle 186,595 186,605" \
  -fill '#1b2a41' -font "$SANS" -pointsize 22 \
  -annotate +206+603 'Individuelle  15 €' -annotate +486+603 'Famille  25 €' -annotate +786+603 'Soutien  50 €' \
  -draw "fill '$CORAL' roundrectangle 160,660 1040,725 14,14" \
  -fill '#ffffff' -font "$BOLD" -pointsize 26 -gravity North -annotate +0+677 'Payer ma cotisation' -gravity NorthWest

echo "drawn into $out"
