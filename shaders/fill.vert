// fill.vert: area fills. Positions are BNG metres relative to the mesh origin.
#version 330 core
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec4 a_colour;
uniform vec2 u_centre;   // camera centre, relative to the mesh origin (metres)
uniform vec2 u_scale;    // metres -> clip space: 2 / (viewport pixels * metres per pixel)
out vec4 v_colour;
void main() {
    gl_Position = vec4((a_pos - u_centre) * u_scale, 0.0, 1.0);
    v_colour = a_colour;
}
