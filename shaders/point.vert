// point.vert: instanced circles (ESOL providers). Each instance is one point in metres relative
// to the mesh origin; the quad is sized in pixels.
#version 330 core
layout(location = 0) in vec2 a_corner;    // -1..1
layout(location = 1) in vec2 a_point;
uniform vec2 u_centre;
uniform vec2 u_scale;
uniform vec2 u_viewport;
uniform float u_radius;                   // pixels
out vec2 v_local;
void main() {
    vec2 c = (a_point - u_centre) * u_scale;
    gl_Position = vec4(c + a_corner * (u_radius + 1.5) * 2.0 / u_viewport, 0.0, 1.0);
    v_local = a_corner * (u_radius + 1.5);
}
