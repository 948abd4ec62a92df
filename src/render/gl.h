// gl.h: the one place OpenGL is included. Core-profile functions come straight from GLVND's
// libOpenGL (prototypes enabled), which dispatches to whichever context is current: GLX for
// the window, EGL for headless rendering.
#pragma once
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
