// thinline.vert: outlines of one pixel drawn as GL_LINES (the segment buffer read as pairs of
// points): the cheapest constant-width outline for a software rasteriser. Wider outlines
// (selection, highlight) use line.vert's extruded quads.
#version 330 core
layout(location = 0) in vec2 a_pos;
uniform vec2 u_centre;
uniform vec2 u_scale;
void main() {
    gl_Position = vec4((a_pos - u_centre) * u_scale, 0.0, 1.0);
}
