/** admission-gate: decides whether an uploaded Android app may be listed. */
package com.admissiongate;
