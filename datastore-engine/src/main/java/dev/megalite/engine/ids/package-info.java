/**
 * Id allocation for incomplete keys: scattered (App Engine's default) or sequential, reserved in
 * durable blocks so that no id is handed out twice, also across restarts. Depends on the kv and
 * codec packages.
 */
package dev.megalite.engine.ids;
