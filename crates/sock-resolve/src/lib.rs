//! Name resolution: getaddrinfo, getnameinfo, gethostby*, services, protocols and interface names.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the matching feature.
