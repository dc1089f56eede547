/**
 * The model layer: annotated classes and records as entities, as App Engine's {@code db.Model}
 * and Objectify have them. Annotations ({@link dev.megalite.api.model.Entity}, {@link
 * dev.megalite.api.model.Id}, {@link dev.megalite.api.model.Parent}, {@link
 * dev.megalite.api.model.Property}, …), value types ({@link dev.megalite.api.model.Ref}, {@link
 * dev.megalite.api.model.GeoPt}, {@link dev.megalite.api.model.Text}), and the runtime: {@link
 * dev.megalite.api.model.Models} (default datastore, put/get/delete, transactions), {@link
 * dev.megalite.api.model.Model} (an optional base class with {@code put()}), typed queries
 * ({@link dev.megalite.api.model.GqlQuery}, {@link dev.megalite.api.model.ModelQuery}).
 *
 * <p>Depends on the JDK and {@code dev.megalite.api} only; the engine is reached through the
 * {@link dev.megalite.api.Datastore} interface (and an optional {@link
 * dev.megalite.api.model.GqlCompiler}). How classes become entities is {@code
 * dev.megalite.api.model.mapping}. User guide: {@code docs/model.md}.
 */
package dev.megalite.api.model;
