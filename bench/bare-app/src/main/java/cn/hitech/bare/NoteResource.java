package cn.hitech.bare;

import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** One read and one write, so the REST layer, JSON and the transaction manager are all started and used. */
@Path("/notes")
public class NoteResource {

    @GET
    public List<Note> list() {
        return Note.findAll().page(0, 20).list();
    }

    @POST
    @Transactional
    public Note add(Note note) {
        note.persist();
        return note;
    }
}
