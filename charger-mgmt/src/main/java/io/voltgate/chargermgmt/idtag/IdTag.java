package io.voltgate.chargermgmt.idtag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An id tag and the status an operator gave it. */
@Entity
@Table(name = "id_tag")
public class IdTag {

  @Id
  @Column(name = "id_tag")
  private String idTag;

  private String status;

  @Column(name = "expiry_date")
  private Instant expiryDate;

  @Column(name = "parent_id_tag")
  private String parentIdTag;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected IdTag() {}

  public IdTag(String idTag) {
    this.idTag = idTag;
  }

  public void replace(String status, Instant expiryDate, String parentIdTag, Instant now) {
    this.status = status;
    this.expiryDate = expiryDate;
    this.parentIdTag = parentIdTag;
    this.updatedAt = now;
  }

  /** The status to answer now: a passed expiry date turns Accepted into Expired (§7.1). */
  public String effectiveStatus(Instant now) {
    if (expiryDate != null && !expiryDate.isAfter(now)) {
      return "Expired";
    }
    return status;
  }

  public String getIdTag() {
    return idTag;
  }

  public String getStatus() {
    return status;
  }

  public Instant getExpiryDate() {
    return expiryDate;
  }

  public String getParentIdTag() {
    return parentIdTag;
  }
}
