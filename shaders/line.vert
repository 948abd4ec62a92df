// line.vert: outlines of constant pixel width. Each instance is one segment (ax, ay, bx, by);
// the four corners of a quad are extruded in screen space by half the width on each side.
#version 330 core
layout(location = 0) in vec2 a_corner;    // x: 0 at a, 1 at b; y: -1 or +1 across the line
layout(location = 1) in vec4 a_segment;   // metres relative to the mesh origin
uniform vec2 u_centre;
uniform vec2 u_scale;
uniform vec2 u_viewport;                  // pixels
uniform float u_width;                    // pixels
void main() {
    vec2 half_vp = 0.5 * u_viewport;
    vec2 pa = (a_segment.xy - u_centre) * u_scale * half_vp;
    vec2 pb = (a_segment.zw - u_centre) * u_scale * half_vp;
    vec2 d = pb - pa;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    float w = 0.5 * u_width;
    vec2 p = mix(pa, pb, a_corner.x) + normal * a_corner.y * w + dir * (a_corner.x * 2.0 - 1.0) * w;
    gl_Position = vec4(p / half_vp, 0.0, 1.0);
}
