"""The offline seat map (``map.html``): one self-contained HTML file to search and edit a plan.

The page needs no server, no network and no external script or font: the room
and every seat are inline SVG (names are real text, so the browser can find and
copy them), the script and styles are inline, and the browser's own fonts draw
the names. It is drawn in audience view (台下视角, stage at the top), like
``plan.png``.

* **Search** by name, unit, seat (``3排12号``) or id: the seat is highlighted and
  the map scrolls and zooms to it; a list shows every match.
* **Tooltip** on hover or tap: name, unit, office (职务) and seat.
* **Unit filter**: one unit's seats stay bright, the others fade.
* **Phone**: a viewport for small screens; drag to pan, pinch or the +/− buttons
  to zoom (pointer events: mouse, pen and touch alike).
* **Edit mode**: tap two people to swap them, or a person and an empty seat to
  move him. The page lists the edits and downloads them as ``CHANGES.csv``
  (移座/互换 lines, ``docs/replan.md``) for ``seatplan replan``, which checks
  them; the page itself never says an edit is valid.

Large halls stay light: one ``<rect>`` per seat and one ``<text>`` per occupied
seat, no per-seat listeners (one delegated handler), and the seat data once as
JSON. The bytes depend only on the plan (no dates, sorted units).
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Sequence

from seatplan.files import atomic_write_bytes
from seatplan.model import Plan, SeatingProblem
from seatplan.model.enums import ShapeKind
from seatplan.model.seats import Seat

__all__ = ["render_seat_map", "write_seat_map"]

#: Drawn size of one seat, metres (a chair seen from above).
SEAT_WIDTH = 0.5
SEAT_DEPTH = 0.42
#: Largest font size for a name, metres.
NAME_SIZE = 0.15
#: Most names drawn at once: a larger hall shows names only when zoomed in to this many (text is
#: what costs a browser time to draw; 10,000 names on screen take seconds per frame).
NAME_LIMIT = 2500
_SHAPE_CLASS = {
    ShapeKind.ROOM: "room",
    ShapeKind.STAGE: "stage",
    ShapeKind.TABLE: "table",
    ShapeKind.DOOR: "door",
    ShapeKind.OBSTACLE: "obstacle",
    ShapeKind.LECTERN: "lectern",
}


def _num(value: float) -> str:
    """A coordinate as short, stable text (centimetres are enough)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _name_size(name: str) -> float:
    """Font size that fits ``name`` across a seat (CJK characters are about 1 em wide)."""
    width = sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in name) or 1.0
    return round(min(NAME_SIZE, (SEAT_WIDTH - 0.04) / width), 3)


def _points(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{_num(x)},{_num(-y)}" for x, y in points)


def _row_labels(seats: Sequence[Seat]) -> list[tuple[float, float, str]]:
    """A ``N排`` label left of every row of a row section (not at tables)."""
    rows: dict[tuple[str, int], list[Seat]] = {}
    for s in seats:
        if not s.table and not s.is_dais:
            rows.setdefault((s.section, s.row), []).append(s)
    out = []
    for (_, row), members in sorted(rows.items()):
        left = min(members, key=lambda s: (s.x, s.y))
        out.append((left.x - SEAT_WIDTH, left.y, f"{row}排"))
    return out


def render_seat_map(problem: SeatingProblem, plan: Plan, *, title: str = "") -> str:
    """The ``map.html`` text for a plan (see the module docstring).

    Parameters
    ----------
    problem
        The seating problem (layout and list).
    plan
        Who sits where.
    title
        Meeting title for the page.

    Returns
    -------
    str
        A complete HTML document; the same plan gives the same text.
    """
    occupant = plan.occupant_of()
    seats = sorted(problem.seats, key=lambda s: (not s.is_dais, s.section, s.table, s.row, s.number, s.id))
    xs = [s.x for s in seats] + [x for sh in problem.layout.shapes for x, _ in sh.points] + [x for x, _ in problem.layout.venue.outline]
    ys = [s.y for s in seats] + [y for sh in problem.layout.shapes for _, y in sh.points] + [y for _, y in problem.layout.venue.outline]
    pad = 1.0
    x0, x1 = min(xs) - pad, max(xs) + pad
    y0, y1 = -max(ys) - pad, -min(ys) + pad
    parts: list[str] = []
    room = [f'<polygon class="room" points="{_points(problem.layout.venue.outline)}"/>']
    for shape in problem.layout.shapes:
        cls = _SHAPE_CLASS.get(shape.kind)
        if cls is None or cls == "room" or len(shape.points) < 2:
            continue
        room.append(f'<polygon class="{cls}" points="{_points(shape.points)}"/>')
        if shape.label and shape.kind in (ShapeKind.STAGE, ShapeKind.DOOR, ShapeKind.TABLE):
            cx = sum(p[0] for p in shape.points) / len(shape.points)
            cy = sum(p[1] for p in shape.points) / len(shape.points)
            if shape.kind is ShapeKind.STAGE:  # along its back edge, clear of the dais seats
                cy = max(p[1] for p in shape.points) - 0.45
            kind = "table-label" if shape.kind is ShapeKind.TABLE else "shape-label"
            room.append(f'<text class="{kind}" x="{_num(cx)}" y="{_num(-cy)}">{html.escape(shape.label)}</text>')
    for x, y, text in _row_labels(seats):
        room.append(f'<text class="row-label" x="{_num(x)}" y="{_num(-y)}">{text}</text>')
    data: list[list[str]] = []
    units: set[str] = set()
    groups: dict[tuple[str, str, int], list[tuple[int, Seat, str]]] = {}
    for i, seat in enumerate(seats):
        aid = occupant.get(seat.id, "")
        person = problem.attendee(aid) if aid else None
        cls = "seat" if person else "seat empty"
        parts.append(
            f'<rect class="{cls}" id="seat-{html.escape(seat.id, quote=True)}" data-i="{i}" '
            f'x="{_num(seat.x - SEAT_WIDTH / 2)}" y="{_num(-seat.y - SEAT_DEPTH / 2)}" width="{_num(SEAT_WIDTH)}" height="{_num(SEAT_DEPTH)}"/>'
        )
        if person is not None:
            units.add(person.unit)
            groups.setdefault((seat.section, seat.table, 0 if seat.table else seat.row), []).append((i, seat, person.name))
        data.append(
            [seat.id, seat.describe(), aid, person.name if person else "", person.unit if person else "", person.title if person else ""]
        )
    names = _name_groups(groups, hidden=len(occupant) > NAME_LIMIT)
    payload = json.dumps({"seats": data}, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    options = "".join(f'<option value="{html.escape(u, quote=True)}">{html.escape(u)}</option>' for u in sorted(units) if u)
    heading = html.escape(title or "座位图 seat map")
    view_box = f"{_num(x0)} {_num(y0)} {_num(x1 - x0)} {_num(y1 - y0)}"
    return _PAGE.format(
        title=heading,
        css=_CSS,
        script=_SCRIPT,
        units=options,
        view_box=view_box,
        room="".join(room),
        seats="".join(parts),
        names=names,
        limit=NAME_LIMIT,
        data=payload,
        count=len([d for d in data if d[2]]),
        total=len(data),
    )


def _name_groups(groups: dict[tuple[str, str, int], list[tuple[int, Seat, str]]], *, hidden: bool) -> str:
    """The names, one ``<g>`` per row or table with its bounding box, so the page draws only those in view."""
    out = []
    for key in sorted(groups):
        members = groups[key]
        xs = [s.x for _, s, _ in members]
        ys = [-s.y for _, s, _ in members]
        box = ",".join(_num(v) for v in (min(xs) - SEAT_WIDTH, min(ys) - SEAT_DEPTH, max(xs) + SEAT_WIDTH, max(ys) + SEAT_DEPTH))
        texts = "".join(
            f'<text id="name-{i}" x="{_num(seat.x)}" y="{_num(-seat.y)}" font-size="{_name_size(name)}">{html.escape(name)}</text>'
            for i, seat, name in members
        )
        display = ' display="none"' if hidden else ""
        out.append(f'<g class="names" data-b="{box}" data-n="{len(members)}"{display}>{texts}</g>')
    return "".join(out)


def write_seat_map(problem: SeatingProblem, plan: Plan, path: str | os.PathLike[str], *, title: str = "") -> None:
    """Write ``map.html`` (:func:`render_seat_map`) atomically, UTF-8."""
    atomic_write_bytes(path, render_seat_map(problem, plan, title=title).encode("utf-8"))


_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header id="bar">
<h1>{title}</h1>
<input id="q" type="search" placeholder="搜索 姓名 / 单位 / 座位  search" autocomplete="off" aria-label="search">
<select id="unit" aria-label="unit filter"><option value="">全部单位 all units</option>{units}</select>
<span class="tools"><button id="zoom-in" type="button" aria-label="zoom in">+</button><button id="zoom-out" type="button" aria-label="zoom out">−</button><button id="fit" type="button">全图 fit</button><button id="edit" type="button" aria-pressed="false">编辑 edit</button></span>
<span id="count">{count}/{total} 人/座 seated</span>
</header>
<div id="results" role="listbox"></div>
<section id="edits" hidden>
<p class="note">点两个人互换座位，或先点一人再点空座位移座。这里不检查规则：下载的 CHANGES.csv 由 <code>seatplan replan</code> 检查，违反规则的改动会被拒绝。<br>Tap two people to swap them, or a person then an empty seat to move him. Nothing is checked here: <code>seatplan replan</code> checks the downloaded CHANGES.csv and refuses an edit that breaks a rule.</p>
<ol id="edit-list"></ol>
<button id="undo" type="button">撤销 undo</button><button id="download" type="button">下载 CHANGES.csv</button>
<span id="edit-status" role="status"></span>
</section>
<main id="view">
<svg id="map" xmlns="http://www.w3.org/2000/svg" viewBox="{view_box}" preserveAspectRatio="xMidYMid meet">
<g id="room">{room}</g>
<g id="seats">{seats}</g>
<g id="names" data-limit="{limit}">{names}</g>
</svg>
<div id="tip" hidden></div>
<div id="zoom-hint" hidden>放大查看姓名 zoom in to see the names</div>
</main>
<script id="data" type="application/json">{data}</script>
<script>{script}</script>
</body>
</html>
"""

_CSS = """
*{box-sizing:border-box}
html,body{margin:0;height:100%;font-family:system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#222}
body{display:flex;flex-direction:column}
#bar{display:flex;flex-wrap:wrap;gap:6px;align-items:center;padding:6px 8px;background:#f4f1ea;border-bottom:1px solid #ccc}
#bar h1{font-size:16px;margin:0 8px 0 0;flex:1 1 100%}
@media (min-width:800px){#bar h1{flex:0 1 auto}}
#q{flex:1 1 12em;min-width:8em;font-size:16px;padding:6px}
#unit{font-size:15px;padding:5px;max-width:14em}
button{font-size:15px;padding:6px 10px;min-width:40px;min-height:36px;border:1px solid #999;background:#fff;border-radius:4px}
button[aria-pressed=true]{background:#b3261e;color:#fff}
#count{font-size:12px;color:#666}
#results{max-height:30vh;overflow:auto;background:#fff}
#results button{display:block;width:100%;text-align:left;border:0;border-bottom:1px solid #eee;border-radius:0}
#edits{padding:6px 8px;background:#fff5f5;border-bottom:1px solid #e0b4b4;font-size:14px;max-height:35vh;overflow:auto}
#edits .note{margin:0 0 4px;font-size:12px;color:#444}
#edit-list{margin:4px 0;padding-left:1.6em}
#view{position:relative;flex:1 1 auto;min-height:0;overflow:hidden;background:#fff}
#map{width:100%;height:100%;display:block;touch-action:none;user-select:none;-webkit-user-select:none}
.room{fill:#fbfaf7;stroke:#555;stroke-width:.08}
.stage{fill:#efe6d2;stroke:#8a7a55;stroke-width:.05}
.table{fill:#f3efe6;stroke:#8a7a55;stroke-width:.04}
.door{fill:#8fbf8f;stroke:none}
.obstacle{fill:#bbb;stroke:#777;stroke-width:.04}
.lectern{fill:#d8c8a0;stroke:#8a7a55;stroke-width:.03}
.shape-label{font-size:.5px;fill:#6b5c3a;text-anchor:middle;dominant-baseline:middle;pointer-events:none}
.table-label{font-size:.26px;fill:#6b5c3a;text-anchor:middle;dominant-baseline:middle;pointer-events:none}
.row-label{font-size:.22px;fill:#888;text-anchor:end;dominant-baseline:middle}
.seat{fill:#dfe9f5;stroke:#6b8fb5;stroke-width:.02;cursor:pointer}
.seat.empty{fill:#fff;stroke:#bbb;stroke-dasharray:.05 .04}
#names text{text-anchor:middle;dominant-baseline:central;fill:#111;pointer-events:none}
.filtering .seat:not(.on){opacity:.18}
.filtering #names text{opacity:.25}
.filtering #names text.on{opacity:1}
.seat.hit{fill:#ffd54a;stroke:#b3261e;stroke-width:.08}
.seat.sel{fill:#ffb4a9;stroke:#b3261e;stroke-width:.08}
.seat.edited{fill:#fde7c8}
#zoom-hint{position:absolute;left:8px;bottom:8px;background:rgba(255,255,255,.9);border:1px solid #ccc;border-radius:4px;padding:4px 8px;font-size:13px;pointer-events:none}
#tip{position:absolute;z-index:2;background:rgba(30,30,30,.92);color:#fff;padding:6px 8px;border-radius:4px;font-size:14px;line-height:1.35;pointer-events:none;max-width:70vw}
"""

_SCRIPT = r"""
(function(){
"use strict";
var seats=JSON.parse(document.getElementById("data").textContent).seats;
var svg=document.getElementById("map"),view=document.getElementById("view"),tip=document.getElementById("tip");
var q=document.getElementById("q"),results=document.getElementById("results"),unitSel=document.getElementById("unit");
var editBtn=document.getElementById("edit"),editsBox=document.getElementById("edits"),editList=document.getElementById("edit-list");
var status=document.getElementById("edit-status");
var rects=svg.querySelectorAll("rect.seat");
var vb0=svg.getAttribute("viewBox").split(" ").map(Number),vb=vb0.slice();
var SID=0,LABEL=1,AID=2,NAME=3,UNIT=4,TITLE=5;
var hit=-1,sel=-1,editing=false,edits=[];
function fold(t){return String(t||"").normalize("NFKC").replace(/[\s第]+/g,"").toLowerCase();}
var groups=Array.prototype.map.call(svg.querySelectorAll("g.names"),function(g){return {g:g,b:g.getAttribute("data-b").split(",").map(Number),n:+g.getAttribute("data-n"),on:true};});
var namesRoot=document.getElementById("names"),limit=+namesRoot.getAttribute("data-limit"),total=0,hint=document.getElementById("zoom-hint"),idle=0,moving=false;
groups.forEach(function(o){total+=o.n;});
function attach(o,on){if(on===o.on&&(!on||!o.g.hasAttribute("display")))return;o.on=on;if(on){o.g.removeAttribute("display");namesRoot.appendChild(o.g);}else if(o.g.parentNode){o.g.parentNode.removeChild(o.g);}}
function lod(){moving=false;if(total<=limit){groups.forEach(function(o){attach(o,true);});return;}
 var c=svg.getBoundingClientRect(),s=Math.max(vb[2]/Math.max(c.width,1),vb[3]/Math.max(c.height,1));
 var w=c.width*s*1.5,h=c.height*s*1.5,x0=vb[0]+vb[2]/2-w/2,y0=vb[1]+vb[3]/2-h/2,x1=x0+w,y1=y0+h,n=0;
 groups.forEach(function(o){o.vis=o.b[2]>=x0&&o.b[0]<=x1&&o.b[3]>=y0&&o.b[1]<=y1;if(o.vis)n+=o.n;});
 var show=n<=limit;groups.forEach(function(o){attach(o,show&&o.vis);});hint.hidden=show;}
function setVB(v,now){vb=v;svg.setAttribute("viewBox",v.map(function(n){return Math.round(n*1000)/1000;}).join(" "));
 if(now){lod();return;}if(total<=limit/3)return;
 if(!moving){moving=true;groups.forEach(function(o){attach(o,false);});}
 clearTimeout(idle);idle=setTimeout(lod,160);}
function centre(i){var r=rects[i];return [parseFloat(r.getAttribute("x"))+0.25,parseFloat(r.getAttribute("y"))+0.21];}
function zoomAt(f,cx,cy){var w=vb[2]*f,h=vb[3]*f;if(w<2||w>vb0[2]*4)return;setVB([cx-(cx-vb[0])*f,cy-(cy-vb[1])*f,w,h]);}
function toSvg(ev){var b=svg.getBoundingClientRect(),s=Math.max(vb[2]/b.width,vb[3]/b.height);
 return [vb[0]+(ev.clientX-b.left-(b.width-vb[2]/s)/2)*s,vb[1]+(ev.clientY-b.top-(b.height-vb[3]/s)/2)*s];}
function showTip(i,x,y){var d=seats[i];var lines=d[AID]?[d[NAME],d[UNIT],d[TITLE],d[LABEL]]:["空座 empty",d[LABEL]];
 tip.textContent="";lines.forEach(function(t,k){if(!t)return;var e=document.createElement("div");e.textContent=t;if(k===0)e.style.fontWeight="bold";tip.appendChild(e);});
 tip.hidden=false;var b=view.getBoundingClientRect();tip.style.left=Math.min(Math.max(0,x-b.left+12),b.width-160)+"px";tip.style.top=Math.min(Math.max(0,y-b.top+12),b.height-90)+"px";}
function seatScreen(i){var r=rects[i].getBoundingClientRect();return [r.left+r.width/2,r.top+r.height/2];}
function go(i){if(hit>=0)rects[hit].classList.remove("hit");hit=i;var r=rects[i];r.classList.add("hit");
 var b=svg.getBoundingClientRect(),c=centre(i),w=Math.min(vb0[2],b.width<600?7:14),h=w*Math.max(b.height,1)/Math.max(b.width,1);setVB([c[0]-w/2,c[1]-h/2,w,h],true);
 document.body.setAttribute("data-hit",seats[i][SID]);var p=seatScreen(i);showTip(i,p[0],p[1]);
}
function search(text){var k=fold(text);results.textContent="";if(!k){return [];}
 var found=[];for(var i=0;i<seats.length;i++){var d=seats[i];
  if(d[AID]&&(fold(d[NAME]).indexOf(k)>=0||fold(d[UNIT]).indexOf(k)>=0||fold(d[AID])===k)||fold(d[LABEL])===k||fold(d[SID])===k)found.push(i);}
 found.sort(function(a,b){var ea=fold(seats[a][NAME])===k||fold(seats[a][LABEL])===k?0:1,eb=fold(seats[b][NAME])===k||fold(seats[b][LABEL])===k?0:1;return ea-eb||a-b;});
 found.slice(0,50).forEach(function(i){var b=document.createElement("button");b.type="button";var d=seats[i];
  b.textContent=(d[NAME]||"空座")+"　"+d[UNIT]+"　"+d[LABEL];b.onclick=function(){go(i);};results.appendChild(b);});
 if(found.length>50){var m=document.createElement("div");m.textContent="… "+found.length+" 处 matches";results.appendChild(m);}
 if(!found.length){var n=document.createElement("div");n.textContent="没有找到 not found";results.appendChild(n);}
 if(found.length)go(found[0]);return found.map(function(i){return seats[i][SID];});}
q.addEventListener("keydown",function(e){if(e.key==="Enter"){search(q.value);q.blur();}});
q.addEventListener("input",function(){if(q.value.length>=2||!q.value)search(q.value);});
unitSel.addEventListener("change",function(){var u=unitSel.value;var texts=svg.querySelectorAll("#names text");
 svg.classList.toggle("filtering",!!u);for(var i=0;i<rects.length;i++){rects[i].classList.toggle("on",!!u&&seats[i][UNIT]===u);}
 for(var j=0;j<texts.length;j++){var k=+texts[j].id.slice(5);texts[j].classList.toggle("on",!!u&&seats[k][UNIT]===u);}});
document.getElementById("zoom-in").onclick=function(){zoomAt(0.7,vb[0]+vb[2]/2,vb[1]+vb[3]/2);};
document.getElementById("zoom-out").onclick=function(){zoomAt(1/0.7,vb[0]+vb[2]/2,vb[1]+vb[3]/2);};
document.getElementById("fit").onclick=function(){setVB(vb0.slice(),true);tip.hidden=true;};
svg.addEventListener("wheel",function(e){e.preventDefault();var p=toSvg(e);zoomAt(e.deltaY>0?1.15:1/1.15,p[0],p[1]);},{passive:false});
var ptrs={},drag=null,pinch=null,moved=false;
svg.addEventListener("pointerdown",function(e){ptrs[e.pointerId]=[e.clientX,e.clientY];var ids=Object.keys(ptrs);
 if(ids.length===1){drag={x:e.clientX,y:e.clientY,vb:vb.slice()};moved=false;}
 else if(ids.length===2){var a=ptrs[ids[0]],b=ptrs[ids[1]];pinch={d:Math.hypot(a[0]-b[0],a[1]-b[1]),vb:vb.slice()};drag=null;moved=true;}});
svg.addEventListener("pointermove",function(e){if(!(e.pointerId in ptrs)){var t=e.target;if(e.pointerType==="mouse"&&t.classList&&t.classList.contains("seat"))showTip(+t.getAttribute("data-i"),e.clientX,e.clientY);return;}
 ptrs[e.pointerId]=[e.clientX,e.clientY];var b=svg.getBoundingClientRect(),s=Math.max(vb[2]/b.width,vb[3]/b.height);
 if(drag){var dx=e.clientX-drag.x,dy=e.clientY-drag.y;if(Math.abs(dx)+Math.abs(dy)>6)moved=true;if(moved)setVB([drag.vb[0]-dx*s,drag.vb[1]-dy*s,drag.vb[2],drag.vb[3]]);}
 else if(pinch){var ids=Object.keys(ptrs);if(ids.length<2)return;var p=ptrs[ids[0]],r=ptrs[ids[1]],d=Math.hypot(p[0]-r[0],p[1]-r[1]);
  var f=pinch.d/Math.max(d,1),w=pinch.vb[2]*f,h=pinch.vb[3]*f;if(w<2||w>vb0[2]*4)return;
  setVB([pinch.vb[0]+(pinch.vb[2]-w)/2,pinch.vb[1]+(pinch.vb[3]-h)/2,w,h]);}});
function up(e){var t=e.target;delete ptrs[e.pointerId];if(Object.keys(ptrs).length===0){if(drag&&!moved&&e.type==="pointerup"&&t.classList&&t.classList.contains("seat"))tap(+t.getAttribute("data-i"),e.clientX,e.clientY);drag=null;pinch=null;}}
svg.addEventListener("pointerup",up);svg.addEventListener("pointercancel",up);
svg.addEventListener("pointerleave",function(e){if(e.pointerType==="mouse")tip.hidden=true;});
function textOf(i){return document.getElementById("name-"+i);}
function setOccupant(i,d){var r=rects[i],t=textOf(i);seats[i][AID]=d[0];seats[i][NAME]=d[1];seats[i][UNIT]=d[2];seats[i][TITLE]=d[3];
 r.classList.toggle("empty",!d[0]);
 if(d[0]){if(!t){t=document.createElementNS("http://www.w3.org/2000/svg","text");t.id="name-"+i;t.setAttribute("x",centre(i)[0]);t.setAttribute("y",centre(i)[1]);document.getElementById("names").appendChild(t);}
  t.textContent=d[1];var w=0;for(var k=0;k<d[1].length;k++)w+=d[1].charCodeAt(k)>0x2E80?1:0.55;t.setAttribute("font-size",Math.min(0.15,0.46/Math.max(w,1)).toFixed(3));}
 else if(t){t.parentNode.removeChild(t);}}
function person(i){var d=seats[i];return [d[AID],d[NAME],d[UNIT],d[TITLE]];}
function tap(i,x,y){if(!editing){showTip(i,x,y);return;}
 if(sel<0){if(!seats[i][AID]){say("先点一个人 tap a person first");return;}sel=i;rects[i].classList.add("sel");say("再点要互换的人或空座 now tap a person or an empty seat");return;}
 var a=sel;rects[a].classList.remove("sel");sel=-1;if(a===i){say("");return;}
 var pa=person(a),pb=person(i);
 if(pb[0])edits.push({kind:"swap",a:pa[0],an:pa[1],b:pb[0],bn:pb[1],from:seats[a][LABEL],to:seats[i][LABEL],i:a,j:i});
 else edits.push({kind:"move",a:pa[0],an:pa[1],seat:seats[i][SID],from:seats[a][LABEL],to:seats[i][LABEL],i:a,j:i});
 setOccupant(i,pa);setOccupant(a,pb);rects[a].classList.add("edited");rects[i].classList.add("edited");list();say("");}
function say(t){status.textContent=t;}
function list(){editList.textContent="";edits.forEach(function(e){var li=document.createElement("li");
 li.textContent=e.kind==="swap"?("互换 swap "+e.an+"（"+e.from+"）↔ "+e.bn+"（"+e.to+"）"):("移座 move "+e.an+"："+e.from+" → "+e.to);editList.appendChild(li);});
 document.body.setAttribute("data-edits",String(edits.length));}
document.getElementById("undo").onclick=function(){var e=edits.pop();if(!e)return;var pa=person(e.j),pb=person(e.i);setOccupant(e.i,pa);setOccupant(e.j,pb);
 rects[e.i].classList.remove("edited");rects[e.j].classList.remove("edited");list();};
editBtn.onclick=function(){editing=!editing;editBtn.setAttribute("aria-pressed",String(editing));editsBox.hidden=!editing;
 if(!editing&&sel>=0){rects[sel].classList.remove("sel");sel=-1;}};
function cell(t){t=String(t);return /[",\r\n]/.test(t)?'"'+t.replace(/"/g,'""')+'"':t;}
function csv(){var rows=[["变更","编号","姓名","座位","对方","对方姓名","原因"]];
 edits.forEach(function(e){rows.push(e.kind==="swap"?["互换",e.a,e.an,"",e.b,e.bn,"座位图编辑 map edit"]:["移座",e.a,e.an,e.seat,"","","座位图编辑 map edit"]);});
 return rows.map(function(r){return r.map(cell).join(",");}).join("\r\n")+"\r\n";}
document.getElementById("download").onclick=function(){var blob=new Blob(["\ufeff"+csv()],{type:"text/csv;charset=utf-8"});
 var a=document.createElement("a");a.href=URL.createObjectURL(blob);a.download="CHANGES.csv";document.body.appendChild(a);a.click();
 setTimeout(function(){URL.revokeObjectURL(a.href);a.parentNode.removeChild(a);},1000);
 say("已下载 CHANGES.csv：用 seatplan replan 应用并检查 downloaded: apply and check it with seatplan replan");};
window.seatMap={search:search,go:go,csv:csv,edits:function(){return edits.slice();},seat:function(sid){for(var i=0;i<seats.length;i++)if(seats[i][SID]===sid)return seats[i].slice();return null;}};
var m=/[#&]q=([^&]*)/.exec(location.hash);if(m){q.value=decodeURIComponent(m[1]);search(q.value);}
window.addEventListener("resize",function(){clearTimeout(idle);idle=setTimeout(lod,100);});
lod();document.body.setAttribute("data-ready","1");
})();
"""
