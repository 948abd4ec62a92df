// point.frag: a filled circle with a white ring, anti-aliased over one pixel.
#version 330 core
in vec2 v_local;
uniform float u_radius;
uniform vec4 u_colour;
out vec4 o_colour;
void main() {
    float r = length(v_local);
    float outer = 1.0 - smoothstep(u_radius + 0.5, u_radius + 1.5, r);
    float inner = 1.0 - smoothstep(u_radius - 1.5, u_radius - 0.5, r);
    vec3 c = mix(vec3(1.0), u_colour.rgb, inner);
    if (outer <= 0.0) discard;
    o_colour = vec4(c, outer * u_colour.a);
}
